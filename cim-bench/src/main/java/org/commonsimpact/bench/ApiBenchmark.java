package org.commonsimpact.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonsimpact.api.Endpoint;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.cql.CassandraConnection;
import org.commonsimpact.cql.CqlSessions;

/**
 * The API benchmark: a bounded load test of a running {@code cim serve}. It finds real request
 * paths in the keyspace the server reads ({@link ApiRequestPaths}), sends warm-up GETs, then a
 * fixed number of measured GETs from a few threads, the endpoints in equal shares (request {@code
 * k} goes to endpoint {@code k mod n}), and returns the figures ({@link ApiFigures}); printing them
 * is the caller's ({@code cim bench-api}). A request fails when it raises an I/O error or answers
 * other than 200; failures are counted, not thrown.
 *
 * <p>The root URL is taken as given: {@code cim bench-api} accepts loopback addresses only.
 */
final class ApiBenchmark {
  private final URI root;
  private final int requests;
  private final int warmup;
  private final int concurrency;

  /**
   * @param root the server's root URL, without a trailing slash
   * @param requests measured requests, positive
   * @param warmup requests sent before measuring, not negative
   * @param concurrency requests in flight at once, positive
   */
  ApiBenchmark(URI root, int requests, int warmup, int concurrency) {
    if (requests < 1 || warmup < 0 || concurrency < 1) {
      throw new IllegalArgumentException("requests and concurrency must be positive, warmup not "
          + "negative");
    }
    this.root = root;
    this.requests = requests;
    this.warmup = warmup;
    this.concurrency = concurrency;
  }

  /**
   * Finds up to {@code pathsPerEndpoint} paths per endpoint in the keyspace of {@code cassandra},
   * then {@linkplain #measure measures}.
   *
   * @throws InvalidInputException when the keyspace holds no rows
   */
  ApiFigures run(CassandraConnection cassandra, int pathsPerEndpoint) {
    Map<Endpoint, List<String>> paths;
    try (CqlSession session = CqlSessions.open(cassandra, CqlSessions.DEFAULT_DATACENTER,
        Duration.ofSeconds(2))) {
      paths = ApiRequestPaths.find(session, cassandra.keyspace(), pathsPerEndpoint);
    }
    if (paths.isEmpty()) {
      throw new InvalidInputException("keyspace '" + cassandra.keyspace() + "' holds no rows: "
          + "load a month first");
    }
    return measure(paths);
  }

  /**
   * Sends the warm-up and the measured requests to {@code paths} (relative to the root; each
   * endpoint's paths taken in turn) and returns what the measured ones took.
   *
   * @param paths the paths of each endpoint, non-empty lists, endpoints in report order
   */
  ApiFigures measure(Map<Endpoint, List<String>> paths) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<Endpoint> endpoints = new ArrayList<>(paths.keySet());
    Map<Endpoint, LatencyRecorder> perEndpoint = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      perEndpoint.put(endpoint, new LatencyRecorder());
    }
    double loadBefore = LoadAverage.now().one();
    send(client, paths, endpoints, warmup, null);
    long start = System.nanoTime();
    send(client, paths, endpoints, requests, perEndpoint);
    double seconds = (System.nanoTime() - start) / 1e9;
    double loadAfter = LoadAverage.now().one();
    LatencyRecorder all = new LatencyRecorder();
    List<ApiFigures.EndpointLatencies> each = new ArrayList<>();
    for (Map.Entry<Endpoint, LatencyRecorder> e : perEndpoint.entrySet()) {
      all.addAll(e.getValue());
      each.add(new ApiFigures.EndpointLatencies(e.getKey().name(),
          ApiFigures.Latencies.of(e.getValue())));
    }
    return new ApiFigures(root, warmup, concurrency, seconds, ApiFigures.Latencies.of(all), each,
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
  }

  private void send(HttpClient client, Map<Endpoint, List<String>> paths,
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
}
