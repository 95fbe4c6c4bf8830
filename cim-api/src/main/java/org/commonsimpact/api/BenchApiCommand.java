package org.commonsimpact.api;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.cql.CassandraConnection;
import org.commonsimpact.cql.CassandraOptions;
import org.commonsimpact.cql.ConsistencyOption;
import org.commonsimpact.cql.CqlSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cim bench-api}: a bounded load test of a running {@code cim serve} on this machine. It
 * finds real request paths in the keyspace ({@link BenchRequests}), sends a fixed number of GETs
 * from a few threads, the fourteen endpoints in equal shares, and prints requests per second and
 * latency percentiles, overall and per endpoint, with the machine's load average.
 */
@Command(
    name = "bench-api",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the analytics HTTP API (cim serve) on this machine: requests per second and "
          + "latency percentiles for a mix of the fourteen endpoints in equal shares.",
      "",
      "Request paths come from the keyspace the server reads (up to --paths-per-endpoint "
          + "partitions per table, each asked for a month it holds), so every request should "
          + "answer 200. The test is bounded: --warmup requests, then --requests measured "
          + "requests from --concurrency threads. Only loopback URLs are accepted. Exit 1 when "
          + "any measured request fails or answers other than 200.",
      ""
    })
public final class BenchApiCommand implements Runnable {
  @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
      description = "The server's root URL, on a loopback address (default: ${DEFAULT-VALUE}).")
  String url;

  @Mixin CassandraOptions cassandra;

  @Option(names = "--requests", paramLabel = "N", defaultValue = "20000",
      description = "Measured requests (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
      description = "Requests sent before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--concurrency", paramLabel = "THREADS", defaultValue = "4",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--paths-per-endpoint", paramLabel = "N", defaultValue = "50",
      description = "Distinct paths per endpoint (default: ${DEFAULT-VALUE}).")
  int pathsPerEndpoint;

  @Override
  public void run() {
    URI root = loopbackRoot();
    if (requests < 1 || requests > 10_000_000 || warmup < 0 || concurrency < 1
        || concurrency > 256 || pathsPerEndpoint < 1) {
      throw new InvalidInputException("invalid --requests/--warmup/--concurrency/"
          + "--paths-per-endpoint: expected 1..10000000 requests, warmup >= 0, 1..256 threads, "
          + "at least 1 path");
    }
    CassandraConnection options = cassandra.connection(ConsistencyOption.READ_DEFAULT);
    Map<Endpoint, List<String>> paths;
    try (CqlSession session = CqlSessions.open(options, CqlSessions.DEFAULT_DATACENTER,
        Duration.ofSeconds(2))) {
      paths = BenchRequests.find(session, options.keyspace(), pathsPerEndpoint);
    }
    if (paths.isEmpty()) {
      throw new InvalidInputException("keyspace '" + options.keyspace() + "' holds no rows: "
          + "load a month first");
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<Endpoint> endpoints = new ArrayList<>(paths.keySet());
    Map<Endpoint, LatencyRecorder> perEndpoint = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      perEndpoint.put(endpoint, new LatencyRecorder());
    }
    double loadBefore = loadAverage();
    send(client, root, paths, endpoints, warmup, null);
    long start = System.nanoTime();
    send(client, root, paths, endpoints, requests, perEndpoint);
    double seconds = (System.nanoTime() - start) / 1e9;
    double loadAfter = loadAverage();
    LatencyRecorder all = new LatencyRecorder();
    perEndpoint.values().forEach(all::addAll);
    report(System.out, root, endpoints.size(), seconds, all, perEndpoint, loadBefore, loadAfter);
    if (all.failures() > 0) {
      throw new IllegalStateException(all.failures() + " of " + requests
          + " requests failed or answered other than 200");
    }
  }

  private void send(HttpClient client, URI root, Map<Endpoint, List<String>> paths,
      List<Endpoint> endpoints, int total, Map<Endpoint, LatencyRecorder> record) {
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread thread = new Thread(() -> {
        for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
          Endpoint endpoint = endpoints.get(k % endpoints.size());
          List<String> choices = paths.get(endpoint);
          String path = choices.get((k / endpoints.size()) % choices.size());
          long t0 = System.nanoTime();
          boolean ok = get(client, root.resolve(path));
          long nanos = System.nanoTime() - t0;
          if (record != null) {
            record.get(endpoint).record(nanos, ok);
          }
        }
      }, "bench-api-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static boolean get(HttpClient client, URI uri) {
    try {
      HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private URI loopbackRoot() {
    URI root;
    try {
      root = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid --url '" + url + "': " + e.getMessage());
    }
    if (!"http".equals(root.getScheme()) || root.getHost() == null) {
      throw new InvalidInputException("invalid --url '" + url + "': expected http://HOST:PORT");
    }
    try {
      if (!InetAddress.getByName(root.getHost()).isLoopbackAddress()) {
        throw new InvalidInputException("invalid --url '" + url + "': the load test only runs "
            + "against a loopback address (127.0.0.1, localhost)");
      }
    } catch (java.net.UnknownHostException e) {
      throw new InvalidInputException("invalid --url '" + url + "': unknown host");
    }
    return root;
  }

  /** The 1-minute load average, or -1 where /proc/loadavg does not exist. */
  private static double loadAverage() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
      return Double.parseDouble(text.split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private void report(PrintStream out, URI root, int endpointCount, double seconds,
      LatencyRecorder all, Map<Endpoint, LatencyRecorder> perEndpoint, double loadBefore,
      double loadAfter) {
    out.printf(Locale.ROOT, "bench-api: %s, %d measured requests after %d warm-up, "
        + "%d threads, %d endpoints in equal shares%n", root, all.count(), warmup, concurrency,
        endpointCount);
    out.printf(Locale.ROOT, "throughput: %.0f requests/s (%.1f s)%n", all.count() / seconds,
        seconds);
    out.printf(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
        all.percentileMillis(50), all.percentileMillis(90), all.percentileMillis(99),
        all.percentileMillis(100));
    out.printf(Locale.ROOT, "failed or non-200: %d%n", all.failures());
    out.printf(Locale.ROOT, "machine: %d processors, load average (1 min) %.2f before, %.2f "
        + "after%n", Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    out.printf(Locale.ROOT, "%-36s %8s %8s %8s%n", "endpoint", "requests", "p50 ms", "p99 ms");
    for (Map.Entry<Endpoint, LatencyRecorder> e : perEndpoint.entrySet()) {
      out.printf(Locale.ROOT, "%-36s %8d %8.2f %8.2f%n", e.getKey().name(), e.getValue().count(),
          e.getValue().percentileMillis(50), e.getValue().percentileMillis(99));
    }
    out.flush();
  }
}
