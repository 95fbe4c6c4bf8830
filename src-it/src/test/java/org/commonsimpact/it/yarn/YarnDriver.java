package org.commonsimpact.it.yarn;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code cim} as a Spark driver on YARN in its own JVM, as {@code spark-submit --master yarn
 * --deploy-mode client --class org.commonsimpact.app.Cim cim-cluster.jar ...} would on a gateway
 * host: the cluster jar first on the class path, then the Spark and Hadoop jars a Spark
 * distribution provides (here: this test's class path), then the cluster's configuration folder.
 *
 * <p>Executors and the application master run in YARN containers. They get the same jars through
 * {@code spark.yarn.jars} as {@code local:} URIs (the node manager runs on this machine, so the
 * files are where the URIs say; a real cluster uses {@code spark.yarn.archive} on HDFS instead).
 */
final class YarnDriver {
  /** The options of config/jvm-java17.options (as bin/cim passes them), and UTC. */
  private static final String JAVA17_FLAGS = java17Flags();
  /**
   * C1 only, for the driver, the application master and the executors: each is a JVM of a few
   * minutes on a small machine, where the C2 compiler's work costs more CPU than it saves (as for
   * the test JVMs and {@code bin/cim} in the other tests).
   */
  private static final String JIT_FLAGS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m";

  /** Exit status and the driver's stderr. */
  record Result(int status, String stderr) {}

  private final Path clusterJar;
  private final Path confDir;
  private final List<String> sparkJars;

  YarnDriver(Path clusterJar, Path confDir) {
    this.clusterJar = clusterJar;
    this.confDir = confDir;
    this.sparkJars = providedJars();
  }

  /** Runs {@code cim ARGS} with {@code --master yarn}; waits at most {@code minutes}. */
  Result run(Path log, int minutes, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(List.of(JIT_FLAGS.split(" ")));
    command.addAll(List.of(JAVA17_FLAGS.split(" ")));
    List<String> yarnJars = new ArrayList<>();
    yarnJars.add("local:" + clusterJar);
    for (String jar : sparkJars) {
      yarnJars.add("local:" + jar);
    }
    String javaHome = System.getProperty("java.home");
    command.addAll(List.of(
        "-Dspark.master=yarn",
        "-Dspark.submit.deployMode=client",
        "-Dspark.app.name=cim-yarn-it",
        "-Dspark.yarn.jars=" + String.join(",", yarnJars),
        "-Dspark.yarn.am.memory=512m",
        "-Dspark.yarn.am.extraJavaOptions=" + JIT_FLAGS + " " + JAVA17_FLAGS,
        "-Dspark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
        "-Dspark.executorEnv.JAVA_HOME=" + javaHome,
        "-Dspark.executor.instances=1",
        "-Dspark.executor.cores=2",
        "-Dspark.executor.memory=1g",
        "-Dspark.executor.extraJavaOptions=" + JIT_FLAGS + " " + JAVA17_FLAGS,
        "-Dspark.dynamicAllocation.enabled=false",
        "-Dspark.sql.shuffle.partitions=2",
        "-Dspark.sql.adaptive.enabled=true",
        "-Dspark.ui.enabled=false",
        "-Dspark.driver.host=127.0.0.1",
        "-Dspark.driver.bindAddress=127.0.0.1",
        "-Dspark.yarn.submit.waitAppCompletion=true",
        "-Dspark.sql.catalog.cim=org.apache.iceberg.spark.SparkCatalog",
        "-Dspark.sql.catalog.cim.type=hadoop"));
    command.add("-cp");
    List<String> classPath = new ArrayList<>();
    classPath.add(confDir.toString());
    classPath.add(clusterJar.toString());
    classPath.addAll(sparkJars);
    command.add(String.join(File.pathSeparator, classPath));
    command.add("org.commonsimpact.app.Cim");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("HADOOP_CONF_DIR", confDir.toString());
    builder.environment().put("JAVA_HOME", javaHome);
    Process process = builder.start();
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      return new Result(-1, Files.readString(log) + "\n(timed out after " + minutes + " min)");
    }
    return new Result(process.exitValue(), Files.readString(log));
  }

  /**
   * The jars of this JVM's class path that a Spark 3.5 distribution ships (Spark, Scala, Hadoop
   * client, their libraries), without the test-only ones and without the project's own modules
   * (they are in the cluster jar).
   */
  private static List<String> providedJars() {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> jars = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      boolean testOnly = name.startsWith("hadoop-client-minicluster")
          || name.startsWith("junit") || name.startsWith("surefire")
          || name.startsWith("opentest4j") || name.startsWith("apiguardian")
          || name.startsWith("java-driver") || name.startsWith("cim-");
      if (entry.endsWith(".jar") && !testOnly && Files.isRegularFile(Path.of(entry))) {
        jars.add(entry);
      }
    }
    return jars;
  }

  private static String java17Flags() {
    Path file = Paths.get(System.getProperty("cim.repo.dir", ".."))
        .resolve("config/jvm-java17.options");
    List<String> flags = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          flags.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    flags.add("-Duser.timezone=UTC");
    return String.join(" ", flags);
  }
}
