package org.commonsimpact.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one API benchmark ({@link ApiBenchmark}): the measured requests' throughput and
 * latencies, overall and per endpoint, with the machine's processors and load. {@code cim
 * bench-api} prints them with {@link #lines()}.
 *
 * @param root the server's root URL
 * @param warmup requests sent before measuring
 * @param threads requests in flight at once
 * @param seconds wall-clock time of the measured requests
 * @param all the measured requests, all endpoints together
 * @param endpoints the measured requests per endpoint, in SPEC order
 * @param processors processors available to the JVM
 * @param loadBefore the 1-minute load average before the warm-up
 * @param loadAfter the 1-minute load average after the measured requests
 */
record ApiFigures(URI root, int warmup, int threads, double seconds, Latencies all,
    List<EndpointLatencies> endpoints, int processors, double loadBefore, double loadAfter) {

  /**
   * Requests of one kind and their latency percentiles (nearest rank), in milliseconds.
   *
   * @param requests requests measured
   * @param failures requests that failed or answered other than 200
   */
  record Latencies(int requests, int failures, double p50Millis, double p90Millis,
      double p99Millis, double maxMillis) {

    /** What {@code recorder} holds. */
    static Latencies of(LatencyRecorder recorder) {
      return new Latencies(recorder.count(), recorder.failures(), recorder.percentileMillis(50),
          recorder.percentileMillis(90), recorder.percentileMillis(99),
          recorder.percentileMillis(100));
    }
  }

  /** The latencies of one endpoint, named as in its path ({@code top-editors-monthly}). */
  record EndpointLatencies(String endpoint, Latencies latencies) {}

  ApiFigures {
    endpoints = List.copyOf(endpoints);
  }

  /** Measured requests per second. */
  double requestsPerSecond() {
    return all.requests() / seconds;
  }

  /** The figures as text, as {@code cim bench-api} prints them. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(format("bench-api: %s, %d measured requests after %d warm-up, "
        + "%d threads, %d endpoints in equal shares", root, all.requests(), warmup, threads,
        endpoints.size()));
    lines.add(format("throughput: %.0f requests/s (%.1f s)", requestsPerSecond(), seconds));
    lines.add(format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f", all.p50Millis(),
        all.p90Millis(), all.p99Millis(), all.maxMillis()));
    lines.add(format("failed or non-200: %d", all.failures()));
    lines.add(format("machine: %d processors, load average (1 min) %.2f before, %.2f after",
        processors, loadBefore, loadAfter));
    lines.add(format("%-36s %8s %8s %8s", "endpoint", "requests", "p50 ms", "p99 ms"));
    for (EndpointLatencies e : endpoints) {
      lines.add(format("%-36s %8d %8.2f %8.2f", e.endpoint(), e.latencies().requests(),
          e.latencies().p50Millis(), e.latencies().p99Millis()));
    }
    return lines;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
