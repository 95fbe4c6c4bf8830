package org.commonsimpact.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving test classes one real Apache Cassandra node for the whole test run:
 * started with {@code bin/cassandra-local start} before the first class that uses it, stopped with
 * {@code bin/cassandra-local stop} when the run ends — whether tests passed or failed — through the
 * root context's store, with a JVM shutdown hook as a second net.
 *
 * <p>The node lives in {@code cim.it.dir}/cassandra (under {@code src-it/target}); its jars are
 * fetched once into {@code <repo>/.cassandra-local/lib} and reused by later runs. A node left over
 * by a killed run is stopped first, and every run starts with empty data. Setting {@code CIM_IT_CASSANDRA=HOST:PORT} uses an already
 * running node instead (handy while editing tests) and leaves it running.
 */
public final class LocalCassandra implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalCassandra.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> Server.start(), Server.class);
  }

  /** {@code HOST:PORT} of the node; only valid inside a class extended with this extension. */
  public static String address() {
    if (Server.current == null) {
      throw new IllegalStateException("no Cassandra: extend the test class with LocalCassandra");
    }
    return Server.current.address;
  }

  /** Seconds from {@code start} until CQL answered (0 for an external node). */
  public static double startSeconds() {
    return Server.current == null ? 0 : Server.current.startSeconds;
  }

  /** The running node; closing it stops the node if this run started it. */
  static final class Server implements ExtensionContext.Store.CloseableResource {
    static volatile Server current;

    final String address;
    final double startSeconds;
    private final Path dir;
    private boolean stopped;

    private Server(String address, double startSeconds, Path dir) {
      this.address = address;
      this.startSeconds = startSeconds;
      this.dir = dir;
    }

    static Server start() {
      String external = System.getenv("CIM_IT_CASSANDRA");
      if (external != null && !external.isBlank()) {
        current = new Server(external.trim(), 0, null);
        return current;
      }
      Path dir = itDir().resolve("cassandra");
      script("stop", dir);
      deleteTree(dir.resolve("data"));
      long t0 = System.nanoTime();
      List<String> out = script("start", dir);
      double seconds = (System.nanoTime() - t0) / 1e9;
      String address = out.get(out.size() - 1).trim();
      System.err.printf("[it] Cassandra started at %s in %.1f s (dir %s)%n", address, seconds, dir);
      Server server = new Server(address, seconds, dir);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-cassandra"));
      current = server;
      return server;
    }

    @Override
    public synchronized void close() {
      if (dir == null || stopped) {
        return;
      }
      stopped = true;
      script("stop", dir);
    }

    private static void deleteTree(Path root) {
      if (!Files.exists(root)) {
        return;
      }
      try (var paths = Files.walk(root)) {
        for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Path itDir() {
      return Paths.get(System.getProperty("cim.it.dir", "target/it")).toAbsolutePath();
    }

    private static Path repo() {
      return Paths.get(System.getProperty("cim.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** Runs bin/cassandra-local; its stderr goes to ours, its stdout lines are returned. */
    private static List<String> script(String command, Path dir) {
      try {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(
            repo().resolve("bin/cassandra-local").toString(), command, dir.toString());
        pb.environment().putIfAbsent("CIM_CASSANDRA_LIB",
            repo().resolve(".cassandra-local/lib").toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = pb.start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        process.getInputStream().transferTo(stdout);
        int status = process.waitFor();
        if (status != 0) {
          throw new IllegalStateException("bin/cassandra-local " + command + " exited " + status);
        }
        return List.of(stdout.toString(StandardCharsets.UTF_8).split("\n"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
