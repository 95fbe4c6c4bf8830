package org.commonsimpact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code bin/cim} — the packaged {@code cim-app/target/cim-local.jar}, as a user would — in a
 * child process, and returns its exit status and stderr. src-it runs after cim-app in the reactor
 * (cim-app is one of its dependencies), so the jar of this build is there.
 *
 * <p>The child's stderr is also kept in {@code cim.it.dir}/cim-logs/ (one file per command) and
 * echoed to the test's stderr. It gets the test JVM's Java ({@code JAVA_HOME}), a driver heap of
 * {@code CIM_DRIVER_MEMORY} (default here 2g: the machine also runs Cassandra and the test JVM) and,
 * unless {@code CIM_JAVA_OPTS} is set, {@value #JAVA_OPTS}: each command is a short-lived JVM on a
 * small machine, where the C2 compiler's work costs more than it saves.
 */
final class PackagedCim {
  static final String JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m";
  private static int commands;

  private PackagedCim() {}

  static Path jar() {
    return repo().resolve("cim-app/target/cim-local.jar");
  }

  static CimCli.Result run(String... args) {
    if (!Files.isRegularFile(jar())) {
      throw new IllegalStateException(jar() + " is missing: src-it needs cim-app packaged first "
          + "(run the build from the project root, e.g. ./mvnw verify)");
    }
    List<String> command = new ArrayList<>();
    command.add(repo().resolve("bin/cim").toString());
    command.addAll(List.of(args));
    try {
      Path logs = Files.createDirectories(itDir().resolve("cim-logs"));
      Path log = logs.resolve(String.format("%02d-%s.log", nextNumber(), args[0]));
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(log.toFile());
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.environment().putIfAbsent("CIM_DRIVER_MEMORY", "2g");
      pb.environment().putIfAbsent("CIM_JAVA_OPTS", JAVA_OPTS);
      long t0 = System.nanoTime();
      int status = pb.start().waitFor();
      String stderr = Files.readString(log, StandardCharsets.UTF_8);
      System.err.print(stderr);
      System.err.printf("[it] bin/cim %s exited %d after %.1f s (log %s)%n",
          String.join(" ", args), status, (System.nanoTime() - t0) / 1e9, log);
      return new CimCli.Result(status, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized int nextNumber() {
    return ++commands;
  }

  private static Path repo() {
    return Paths.get(System.getProperty("cim.repo.dir", "..")).toAbsolutePath().normalize();
  }

  private static Path itDir() {
    return Paths.get(System.getProperty("cim.it.dir", "target/it")).toAbsolutePath();
  }
}
