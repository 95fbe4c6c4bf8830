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
    Output output = capture(args);
    return new CimCli.Result(output.status(), output.stderr());
  }

  /** Exit status and both output streams of one packaged command, stdout kept as raw bytes. */
  record Output(int status, byte[] stdout, String stderr) {
    String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /**
   * Runs {@code bin/cim} like {@link #run} but keeps standard output apart from standard error,
   * byte for byte, for tests of what a command prints as its result (SPEC §10).
   */
  static Output capture(String... args) {
    if (!Files.isRegularFile(jar())) {
      throw new IllegalStateException(jar() + " is missing: src-it needs cim-app packaged first");
    }
    List<String> command = new ArrayList<>();
    command.add(repo().resolve("bin/cim").toString());
    command.addAll(List.of(args));
    try {
      Path logs = Files.createDirectories(itDir().resolve("cim-logs"));
      int number = nextNumber();
      Path out = logs.resolve(String.format("%02d-%s.stdout", number, args[0]));
      Path err = logs.resolve(String.format("%02d-%s.log", number, args[0]));
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.environment().putIfAbsent("CIM_DRIVER_MEMORY", "2g");
      pb.environment().putIfAbsent("CIM_JAVA_OPTS", JAVA_OPTS);
      long t0 = System.nanoTime();
      int status = pb.start().waitFor();
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      System.err.print(stderr);
      System.err.printf("[it] bin/cim %s exited %d after %.1f s (stdout %s)%n",
          String.join(" ", args), status, (System.nanoTime() - t0) / 1e9, out);
      return new Output(status, Files.readAllBytes(out), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path repoDir() {
    return repo();
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
