package org.commonsimpact.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipFile;

/**
 * {@code bin/cim serve} from the packaged jar (cim-app/target/cim-local.jar) as a child process on
 * a free port, for tests of the HTTP API as users run it. The reactor packages cim-app before
 * src-it runs; a missing or older jar without the command fails the test with what to build.
 */
final class ServeProcess implements AutoCloseable {
  private final Process process;
  /** The base URL the server printed, e.g. {@code http://127.0.0.1:41234/metrics/commons-analytics/}. */
  final String baseUrl;
  /** Its stderr (logs), for failure messages. */
  final Path log;

  private ServeProcess(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  static ServeProcess start(String cassandra, String keyspace) {
    Path repo = Paths.get(System.getProperty("cim.repo.dir", "..")).toAbsolutePath().normalize();
    Path jar = repo.resolve("cim-app/target/cim-local.jar");
    requireServeCommand(jar);
    Path log = Paths.get(System.getProperty("cim.it.dir", "target/it")).toAbsolutePath()
        .resolve("serve.log");
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(repo.resolve("bin/cim").toString(), "serve",
          "--cassandra", cassandra, "--keyspace", keyspace, "--host", "127.0.0.1", "--port", "0");
      pb.environment().put("CIM_DRIVER_MEMORY", "512m");
      // A server of a few seconds here: C1 only, as for the other bin/cim commands (PackagedCim).
      pb.environment().putIfAbsent("CIM_JAVA_OPTS", PackagedCim.JAVA_OPTS);
      pb.redirectError(log.toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process process = pb.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-serve"));
      BufferedReader stdout = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      try {
        line = CompletableFuture.supplyAsync(() -> urlLine(stdout)).get(180, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
        throw new IllegalStateException("cim serve printed no URL; its log: "
            + Files.readString(log), e);
      }
      if (line == null || !line.startsWith("http://")) {
        process.destroyForcibly();
        throw new IllegalStateException("cim serve exited without printing its URL; its log: "
            + tail(log));
      }
      Thread drain = new Thread(() -> urlLine(stdout), "serve-stdout");
      drain.setDaemon(true);
      drain.start();
      return new ServeProcess(process, line.trim(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireServeCommand(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry("org/commonsimpact/api/ServeCommand.class") == null) {
        throw new IllegalStateException(jar + " has no serve command: package cim-app first "
            + "(./mvnw -o package -DskipTests -Dcim.it.skip=true)");
      }
    } catch (IOException e) {
      throw new IllegalStateException(jar + " missing: package cim-app first (./mvnw -o package "
          + "-DskipTests -Dcim.it.skip=true)", e);
    }
  }

  /**
   * The first stdout line that is a URL (the JVM and log4j may print warnings before it), or null
   * at end of stream.
   */
  private static String urlLine(BufferedReader reader) {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("http://")) {
          return line;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
