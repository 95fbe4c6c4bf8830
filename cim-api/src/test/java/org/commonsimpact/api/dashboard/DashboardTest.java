package org.commonsimpact.api.dashboard;

import static org.commonsimpact.api.HttpProbe.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.commonsimpact.api.ApiServer;
import org.commonsimpact.api.HttpProbe;
import org.commonsimpact.api.PartitionQuery;
import org.commonsimpact.api.RowSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dashboard's routes on a real server, over an in-memory directory of loaded categories. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
  private final List<String> asked = new ArrayList<>();
  private ApiServer server;
  private HttpProbe http;

  @BeforeAll
  void start() {
    TreeSet<String> february = new TreeSet<>(List.of("Artist_X", "Museum_A", "Museum_A_photos",
        "Museum_B", "Zoo"));
    CategoryDirectory directory = new CategoryDirectory() {
      @Override
      public List<LoadedMonth> months() {
        return List.of(new LoadedMonth(2024, 2, february.size()), new LoadedMonth(2024, 1, 1));
      }

      @Override
      public List<String> titles(int year, int month, String prefix, int limit) {
        asked.add(year + "-" + month + " " + prefix + " " + limit);
        if (month != 2) {
          return List.of();
        }
        return february.subSet(prefix, prefix + Character.MAX_VALUE).stream().limit(limit)
            .toList();
      }
    };
    RowSource noRows = new RowSource() {
      @Override
      public List<List<Object>> read(PartitionQuery query) {
        return List.of();
      }

      @Override
      public Health health() {
        return new Health(true, "none", "");
      }
    };
    server = ApiServer.start(noRows, "127.0.0.1", 0, new Dashboard(directory)::mount);
    http = new HttpProbe(server.port());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void thePageIsServedForTheOverviewCategoriesAndFiles() {
    for (String path : List.of("/", "/category/Museum_A", "/category/AC%2FDC?month=2024-02",
        "/file/A_painting_1.jpg")) {
      HttpResponse<String> page = get(path);
      assertEquals(200, page.statusCode(), path);
      assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type")
          .orElse("").replace(" ", ""), path);
      assertTrue(page.body().contains("<script src=\"/ui/assets/app.js\""), path);
    }
  }

  @Test
  void assetsComeFromTheJarIncludingChartJs() {
    HttpResponse<String> chart = get("/ui/assets/chart.umd.js");
    assertEquals(200, chart.statusCode());
    assertTrue(chart.headers().firstValue("Content-Type").orElse("").startsWith(
        "text/javascript"));
    assertTrue(chart.body().contains("Chart.js v4"), "the Chart.js bundle");
    String etag = chart.headers().firstValue("ETag").orElse("");
    assertEquals(304, http.send("GET", "/ui/assets/chart.umd.js", Map.of("If-None-Match", etag))
        .statusCode());
    for (String asset : List.of("app.js", "app.css")) {
      assertEquals(200, get("/ui/assets/" + asset).statusCode(), asset);
    }
    assertEquals(404, get("/ui/assets/nothing.js").statusCode());
    String script = get("/ui/assets/app.js").body();
    assertTrue(!script.contains("http://") && !script.contains("//cdn"), "no outside host");
  }

  @Test
  void monthsNewestFirst() {
    JsonNode months = json(get("/ui/months"));
    assertEquals("2024-02", months.get("items").get(0).get("month").asText());
    assertEquals(5, months.get("items").get(0).get("categories").asInt());
    assertEquals("2024-01", months.get("items").get(1).get("month").asText());
  }

  @Test
  void suggestionsByPrefixForTheNewestOrAGivenMonth() {
    JsonNode answer = json(get("/ui/categories?prefix=Museum"));
    assertEquals("2024-02", answer.get("month").asText());
    assertEquals(List.of("Museum_A", "Museum_A_photos", "Museum_B"), texts(answer.get("items")));
    assertEquals(List.of("Museum_A", "Museum_A_photos"),
        texts(json(get("/ui/categories?prefix=Museum%20A&limit=2")).get("items")));
    assertEquals(List.of(), texts(json(get("/ui/categories?prefix=Museum&month=2024-01"))
        .get("items")));
    assertEquals(List.of(), texts(json(get("/ui/categories?prefix=")).get("items")));
    assertTrue(asked.contains("2024-2 Museum_A 2"), asked.toString());
  }

  @Test
  void badSuggestionParametersAre400NamingThem() {
    for (Map.Entry<String, String> c : Map.of("/ui/categories?prefix=M&limit=0", "limit",
        "/ui/categories?prefix=M&limit=x", "limit", "/ui/categories?prefix=M&month=2024-13",
        "month", "/ui/categories?prefix=M&month=Feb", "month").entrySet()) {
      HttpResponse<String> response = get(c.getKey());
      assertEquals(400, response.statusCode(), c.getKey());
      assertEquals(c.getValue(), json(response).get("parameter").asText(), c.getKey());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private HttpResponse<String> get(String path) {
    return http.get(path);
  }
}
