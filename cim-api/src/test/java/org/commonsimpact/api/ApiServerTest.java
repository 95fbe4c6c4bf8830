package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HTTP behaviour of the API on a real server over an in-memory {@link RowSource}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {
  private static final String BASE = "/metrics/commons-analytics/";
  private FakeRows rows;
  private ApiServer server;
  private HttpProbe http;

  @BeforeAll
  void start() {
    rows = new FakeRows(query -> {
      Object first = query.values().get(0);
      if ("Missing".equals(first)) {
        return List.of();
      }
      if ("Boom".equals(first)) {
        throw new IllegalStateException("secret internal detail");
      }
      if ("Down".equals(first)) {
        throw new StoreUnavailableException("no node", null);
      }
      if (query.endpoint().name().equals("media-file-metrics-snapshot")) {
        return List.of(List.of(first, Instant.parse("2024-02-01T00:00:00Z"), 2L, 3L));
      }
      return List.of(List.of(first, 2024, 2, "en.wikipedia", 10L, 1));
    });
    server = ApiServer.start(rows, "127.0.0.1", 0);
    http = new HttpProbe(server.port());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void answersItemsWithCacheHeadersCorsAndEtag() {
    HttpResponse<String> response =
        http.get(BASE + "media-file-metrics-snapshot/A.jpg/20240201/20240301");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", contentType(response));
    assertEquals("*", header(response, "Access-Control-Allow-Origin"));
    assertEquals("public, max-age=86400", header(response, "Cache-Control"));
    String etag = header(response, "ETag");
    assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    assertEquals("{\"items\":[{\"media-file\":\"A.jpg\",\"timestamp\":\"2024-02-01T00:00:00Z\","
        + "\"leveraging-wiki-count\":2,\"leveraging-page-count\":3}]}", response.body());

    HttpResponse<String> again = http.send("GET",
        BASE + "media-file-metrics-snapshot/A.jpg/20240201/20240301",
        Map.of("If-None-Match", etag));
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, header(again, "ETag"));
    assertEquals("*", header(again, "Access-Control-Allow-Origin"));
  }

  @Test
  void titlesKeepEncodedSlashesPlusSignsQuotesAndUtf8() {
    HttpResponse<String> response = http.get(BASE
        + "top-wikis-per-media-file-monthly/%22AC%2FDC%22_C++_%C3%A9t%C3%A9.jpg/2024/02");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("\"AC/DC\"_C++_été.jpg",
        HttpProbe.json(response).get("items").get(0).get("media-file").asText());
    PartitionQuery last = rows.queries.get(rows.queries.size() - 1);
    assertEquals(List.of("\"AC/DC\"_C++_été.jpg", 2024, 2), last.values());
  }

  @Test
  void noRowIsA404SayingNotLoaded() {
    String path = BASE + "media-file-metrics-snapshot/Missing/20240201/20240301";
    HttpResponse<String> response = http.get(path);
    JsonNode problem = assertProblem(response, 404);
    assertEquals(BASE + "problems/not-loaded", problem.get("type").asText());
    assertTrue(problem.get("detail").asText().contains("not loaded yet"), response.body());
    assertEquals(path, problem.get("instance").asText());
    assertEquals("public, max-age=600", header(response, "Cache-Control"));
  }

  @Test
  void badParameterIsA400NamingIt() {
    HttpResponse<String> response =
        http.get(BASE + "top-editors-monthly/Museum_A/medium/create/2024/2");
    JsonNode problem = assertProblem(response, 400);
    assertEquals("category-scope", problem.get("parameter").asText());
    assertTrue(problem.get("detail").asText().contains("medium"), response.body());

    assertEquals("end", assertProblem(http.get(
        BASE + "media-file-metrics-snapshot/A.jpg/20240301/20240201"), 400)
        .get("parameter").asText());
    assertEquals("month", assertProblem(http.get(
        BASE + "top-wikis-per-media-file-monthly/A.jpg/2024/13"), 400)
        .get("parameter").asText());
  }

  @Test
  void malformedEscapesAreA400Problem() throws Exception {
    HttpProbe.RawResponse raw =
        http.rawGet(BASE + "top-wikis-per-media-file-monthly/A%ZZ.jpg/2024/1");
    assertEquals(400, raw.status(), raw.head() + raw.body());
    assertTrue(raw.head().toLowerCase().contains("content-type: application/problem+json"),
        raw.head());
    assertTrue(raw.head().contains("Access-Control-Allow-Origin: *"), raw.head());
    JsonNode problem = HttpProbe.JSON.readTree(raw.body());
    assertEquals(400, problem.get("status").asInt());
    assertEquals(BASE + "problems/malformed-request", problem.get("type").asText());
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    assertEquals(BASE + "problems/no-such-endpoint",
        assertProblem(http.get(BASE + "no-such-thing/x"), 404).get("type").asText());
    assertProblem(http.get(BASE + "top-wikis-per-media-file-monthly/A.jpg/2024"), 404);
    assertProblem(http.get("/"), 404);
    HttpResponse<String> post = http.send("POST",
        BASE + "top-wikis-per-media-file-monthly/A.jpg/2024/2", Map.of());
    assertProblem(post, 405);
  }

  @Test
  void failuresNeverShowInternals() {
    HttpResponse<String> boom = http.get(BASE + "top-wikis-per-media-file-monthly/Boom/2024/2");
    JsonNode problem = assertProblem(boom, 500);
    assertFalse(boom.body().contains("secret"), boom.body());
    assertFalse(boom.body().contains("Exception"), boom.body());
    assertEquals("no-store", header(boom, "Cache-Control"));
    assertEquals(BASE + "problems/internal-error", problem.get("type").asText());

    HttpResponse<String> down = http.get(BASE + "top-wikis-per-media-file-monthly/Down/2024/2");
    assertProblem(down, 503);
    assertFalse(down.body().contains("no node"), down.body());
  }

  @Test
  void preflightAllowsAnyOrigin() {
    HttpResponse<String> response = http.send("OPTIONS",
        BASE + "top-wikis-per-media-file-monthly/A.jpg/2024/2",
        Map.of("Origin", "https://example.org", "Access-Control-Request-Method", "GET",
            "Access-Control-Request-Headers", "x-requested-with"));
    assertEquals(204, response.statusCode());
    assertEquals("*", header(response, "Access-Control-Allow-Origin"));
    assertTrue(header(response, "Access-Control-Allow-Methods").contains("GET"));
    assertEquals("x-requested-with", header(response, "Access-Control-Allow-Headers"));
  }

  @Test
  void healthReportsTheStore() {
    HttpResponse<String> up = http.get("/healthz");
    assertEquals(200, up.statusCode());
    assertEquals("ok", HttpProbe.json(up).get("status").asText());
    assertTrue(HttpProbe.json(up).get("reachable").asBoolean());
    assertEquals("no-store", header(up, "Cache-Control"));
    rows.reachable = false;
    try {
      HttpResponse<String> down = http.get("/healthz");
      assertEquals(503, down.statusCode());
      assertEquals("unavailable", HttpProbe.json(down).get("status").asText());
      assertEquals("*", header(down, "Access-Control-Allow-Origin"));
    } finally {
      rows.reachable = true;
    }
  }

  @Test
  void headAnswersHeadersOnly() {
    HttpResponse<String> response = http.send("HEAD",
        BASE + "top-wikis-per-media-file-monthly/A.jpg/2024/2", Map.of());
    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
    assertTrue(header(response, "ETag").startsWith("\""));
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", contentType(response));
    assertEquals("*", header(response, "Access-Control-Allow-Origin"));
    assertFalse(response.body().contains("\tat "), response.body());
    JsonNode problem = HttpProbe.json(response);
    assertEquals(status, problem.get("status").asInt());
    for (String field : List.of("type", "title", "detail")) {
      assertTrue(problem.hasNonNull(field), field + " in " + response.body());
    }
    return problem;
  }

  private static String contentType(HttpResponse<String> response) {
    return header(response, "Content-Type").split(";")[0].trim();
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }
}
