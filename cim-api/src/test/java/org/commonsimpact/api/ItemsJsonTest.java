package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemsJsonTest {
  @Test
  void seriesRowsHaveKebabFieldsIsoTimestampsAndNumbers() {
    Endpoint endpoint = Endpoint.named("media-file-metrics-snapshot");
    byte[] body = ItemsJson.write(endpoint, List.of(
        List.of("\"Quoted\"_title.jpg", Instant.parse("2024-01-01T00:00:00Z"), 1L, 2L),
        List.of("\"Quoted\"_title.jpg", Instant.parse("2024-02-01T00:00:00Z"), 3L, 40L)));
    assertEquals("{\"items\":["
        + "{\"media-file\":\"\\\"Quoted\\\"_title.jpg\",\"timestamp\":\"2024-01-01T00:00:00Z\","
        + "\"leveraging-wiki-count\":1,\"leveraging-page-count\":2},"
        + "{\"media-file\":\"\\\"Quoted\\\"_title.jpg\",\"timestamp\":\"2024-02-01T00:00:00Z\","
        + "\"leveraging-wiki-count\":3,\"leveraging-page-count\":40}]}",
        new String(body, StandardCharsets.UTF_8));
  }

  @Test
  void topListRowsKeepYearMonthAndRankAsNumbers() {
    Endpoint endpoint = Endpoint.named("top-wikis-per-media-file-monthly");
    byte[] body = ItemsJson.write(endpoint,
        List.of(List.of("Café.jpg", 2024, 2, "en.wikipedia", 9_000_000_000L, 1)));
    assertEquals("{\"items\":[{\"media-file\":\"Café.jpg\",\"year\":2024,\"month\":2,"
        + "\"wiki\":\"en.wikipedia\",\"pageview-count\":9000000000,\"rank\":1}]}",
        new String(body, StandardCharsets.UTF_8));
  }

  @Test
  void noRowsIsAnEmptyList() {
    assertEquals("{\"items\":[]}", new String(
        ItemsJson.write(Endpoint.named("top-editors-monthly"), List.of()),
        StandardCharsets.UTF_8));
  }
}
