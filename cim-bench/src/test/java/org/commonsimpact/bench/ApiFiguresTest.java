package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.commonsimpact.bench.ApiFigures.EndpointLatencies;
import org.commonsimpact.bench.ApiFigures.Latencies;
import org.junit.jupiter.api.Test;

/** {@code cim bench-api} prints exactly what its figures hold, in the report's fixed layout. */
class ApiFiguresTest {
  @Test
  void linesArePrintedFromTheFigures() {
    ApiFigures figures = new ApiFigures(URI.create("http://127.0.0.1:8080"), 2000, 4, 2.5,
        new Latencies(10000, 3, 1.234, 2.5, 9.876, 12.0),
        List.of(new EndpointLatencies("top-editors-monthly",
                new Latencies(5000, 0, 1.5, 2, 20.25, 30)),
            new EndpointLatencies("edits-per-category-monthly",
                new Latencies(5000, 3, 0.75, 1, 3.5, 4))),
        2, 1.5, 2.25);

    assertEquals(4000.0, figures.requestsPerSecond());
    assertEquals(List.of(
        "bench-api: http://127.0.0.1:8080, 10000 measured requests after 2000 warm-up, 4 threads, "
            + "2 endpoints in equal shares",
        "throughput: 4000 requests/s (2.5 s)",
        "latency ms: p50 1.23  p90 2.50  p99 9.88  max 12.00",
        "failed or non-200: 3",
        "machine: 2 processors, load average (1 min) 1.50 before, 2.25 after",
        "endpoint                             requests   p50 ms   p99 ms",
        "top-editors-monthly                      5000     1.50    20.25",
        "edits-per-category-monthly               5000     0.75     3.50"),
        figures.lines());
  }

  @Test
  void latenciesAreTheRecordersNearestRanks() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int ms = 1; ms <= 10; ms++) {
      recorder.record(ms * 1_000_000L, ms != 4);
    }
    assertEquals(new Latencies(10, 1, 5.0, 9.0, 10.0, 10.0), Latencies.of(recorder));
  }
}
