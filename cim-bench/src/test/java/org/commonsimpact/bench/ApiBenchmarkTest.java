package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.api.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API benchmark against a small loopback HTTP server that answers 200 under {@code /ok/} and
 * 503 elsewhere: it sends the warm-up and the measured requests, the endpoints in equal shares and
 * each endpoint's paths in turn, and its figures count what the server answered.
 */
class ApiBenchmarkTest {
  private HttpServer server;
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      received.add(path);
      exchange.sendResponseHeaders(path.startsWith("/ok/") ? 200 : 503, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void figuresCountWhatTheServerAnswered() {
    Endpoint good = Endpoint.all().get(0);
    Endpoint bad = Endpoint.all().get(1);
    Map<Endpoint, List<String>> paths = new LinkedHashMap<>();
    paths.put(good, List.of("/ok/a", "/ok/b"));
    paths.put(bad, List.of("/missing"));

    ApiFigures figures = new ApiBenchmark(root(), 10, 4, 2).measure(paths);

    assertEquals(14, received.size(), "4 warm-up and 10 measured requests");
    assertEquals(7, Collections.frequency(received, "/missing"));
    assertEquals(4, Collections.frequency(received, "/ok/a"));
    assertEquals(3, Collections.frequency(received, "/ok/b"));
    assertEquals(root(), figures.root());
    assertEquals(4, figures.warmup());
    assertEquals(2, figures.threads());
    assertEquals(10, figures.all().requests());
    assertEquals(5, figures.all().failures());
    assertEquals(List.of(good.name(), bad.name()),
        figures.endpoints().stream().map(ApiFigures.EndpointLatencies::endpoint).toList());
    assertEquals(5, figures.endpoints().get(0).latencies().requests());
    assertEquals(0, figures.endpoints().get(0).latencies().failures());
    assertEquals(5, figures.endpoints().get(1).latencies().requests());
    assertEquals(5, figures.endpoints().get(1).latencies().failures());
    assertTrue(figures.seconds() > 0);
    assertTrue(figures.all().maxMillis() >= figures.all().p50Millis());

    List<String> lines = figures.lines();
    assertEquals("bench-api: " + root() + ", 10 measured requests after 4 warm-up, 2 threads, "
        + "2 endpoints in equal shares", lines.get(0));
    assertEquals("failed or non-200: 5", lines.get(3));
    assertTrue(lines.get(6).startsWith(good.name() + " "), lines.get(6));
    assertTrue(lines.get(7).startsWith(bad.name() + " "), lines.get(7));
    assertEquals(8, lines.size());
  }

  @Test
  void refusesAnEmptyOrNegativeLoad() {
    assertThrows(IllegalArgumentException.class, () -> new ApiBenchmark(root(), 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ApiBenchmark(root(), 1, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ApiBenchmark(root(), 1, 0, 0));
  }

  private URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
