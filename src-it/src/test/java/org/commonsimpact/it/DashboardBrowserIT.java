package org.commonsimpact.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.common.CimSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium (issue 19): the golden month and {@link
 * ServingWarehouse#OTHER} (golden counts + 1000) loaded into the local Cassandra with {@code cim
 * load-cassandra}, {@code bin/cim serve} as a child process, and a person's way through it: the
 * overview, the search box ("Museum"), the category page of Museum_A (deep, all wikis, then
 * en.wikipedia and fr.wikipedia), Museum_A_paintings shallow, a file page, a category and a
 * month that are not loaded. What the page shows (figures, the charts' data points, every table
 * row, by the raw values the cells carry) is compared with the golden serving rows; no console
 * error, no request to anything but the server. Screenshots go to {@code
 * <cim.it.dir>/dashboard/*.png}; the first view's load time is printed.
 */
@ExtendWith(LocalCassandra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  private static final String KEYSPACE = "dashboard_it";
  private static final String CATEGORY = "Museum_A";

  private ServeProcess server;
  private HeadlessChromium browser;
  private String origin;
  private Path shots;

  @BeforeAll
  void loadServeAndOpenBrowser(@TempDir Path temp) throws IOException {
    Path warehouse = Files.createDirectories(temp.resolve("warehouse"));
    SparkSession session = CimSession.open(warehouse.toString());
    ApiServeIT.buildServingTables(session, Files.createDirectories(temp.resolve("tsv")));
    for (String month : List.of(ServingWarehouse.OTHER.toString(),
        ServingWarehouse.GOLDEN.toString())) {
      CimCli.Result load = CimCli.run("load-cassandra", "--month", month, "--warehouse",
          warehouse.toString(), "--cassandra", LocalCassandra.address(), "--keyspace", KEYSPACE);
      assertEquals(0, load.status(), load.stderr());
    }
    server = ServeProcess.start(LocalCassandra.address(), KEYSPACE);
    origin = server.baseUrl.substring(0, server.baseUrl.indexOf("/metrics/"));
    Path itDir = Paths.get(System.getProperty("cim.it.dir", "target/it")).toAbsolutePath();
    shots = itDir.resolve("dashboard");
    browser = HeadlessChromium.start(temp.resolve("chromium-profile"));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void overviewShowsTheNewestMonthsLeaderboards() {
    long t0 = System.nanoTime();
    assertEquals("ready", browser.open(origin + "/"));
    double wallMs = (System.nanoTime() - t0) / 1e6;
    double readyMs = browser.evaluate("window.cimReadyMs").asDouble();
    System.err.printf("[it] dashboard first view (overview, cold browser cache): ready %.0f ms "
        + "after navigation start, %.0f ms from the test's navigate call%n", readyMs, wallMs);
    // The target is one second (docs/performance.md records the measurement); the bound here
    // leaves room for a CI machine busy with other test JVMs.
    assertTrue(readyMs < 3000, "first view took " + readyMs + " ms");
    assertEquals(List.of("2024-02", "2024-01"), texts(browser.evaluate(
        "[...document.querySelectorAll('select[name=month] option')].map(o => o.value)")));
    assertRows("top-viewed-categories", golden("top_viewed_categories_monthly",
        Map.of("category_scope", "deep", "wiki", "all-wikis", "year", "2024", "month", "2"),
        "rank", "category", "pageview_count"));
    assertRows("top-edited-categories", golden("top_edited_categories_monthly",
        Map.of("category_scope", "deep", "edit_type", "all-edit-types", "year", "2024",
            "month", "2"), "rank", "category", "edit_count"));
    browser.screenshot(shots.resolve("1-overview.png"));
  }

  @Test
  @Order(2)
  void searchSuggestsLoadedCategoriesAndOpensOne() {
    browser.open(origin + "/");
    browser.type("#search", "Museum");
    browser.waitFor("document.querySelectorAll('#suggestions a').length > 0");
    List<String> expected = new ArrayList<>();
    for (List<String> row : golden("category_metrics_snapshot", Map.of(), "category")) {
      if (row.get(0).startsWith("Museum") && expected.size() < 10) {
        expected.add(row.get(0).replace('_', ' '));
      }
    }
    expected.sort(Comparator.naturalOrder());
    assertEquals(expected, texts(browser.evaluate(
        "[...document.querySelectorAll('#suggestions a')].map(a => a.textContent)")));
    browser.screenshot(shots.resolve("2-search.png"));
    assertEquals("ready", browser.follow("[...document.querySelectorAll('#suggestions a')]"
        + ".find(a => a.textContent === 'Museum A').click()"));
    assertEquals("/category/Museum_A", browser.evaluate("location.pathname").asText());
  }

  @Test
  @Order(3)
  void categoryPageDeepAllWikisEqualsTheGoldenRows() {
    assertEquals("ready", browser.open(origin + "/category/Museum_A"));
    assertEquals("Museum A", browser.evaluate(
        "document.querySelector('h1 [data-title]').textContent").asText());
    // The month selector offers the category's loaded months; the newest is shown.
    assertEquals("2024-02", browser.evaluate(
        "document.querySelector('select[name=month]').value").asText());
    assertCategory("deep", "all-wikis");
    // People-friendly text: thousands separators, months in words.
    String pageviews = browser.evaluate(
        "document.querySelector('[data-table=pageviews] tbody').innerText").asText();
    assertTrue(pageviews.contains("January 2024") && pageviews.contains("1,199"), pageviews);
    browser.screenshot(shots.resolve("3-category-Museum_A.png"));
  }

  @Test
  @Order(4)
  void categoryPageForTwoWikisChosenInTheSelector() {
    browser.open(origin + "/category/Museum_A");
    for (String wiki : List.of("en.wikipedia", "fr.wikipedia")) {
      assertEquals("ready", browser.follow("(() => { const s = "
          + "document.querySelector('select[name=wiki]'); s.value = " + HeadlessChromium.quote(
          wiki) + "; s.dispatchEvent(new Event('change')); })()"));
      assertTrue(browser.evaluate("location.search").asText().contains("wiki=" + wiki));
      assertCategory("deep", wiki);
    }
    browser.screenshot(shots.resolve("4-category-Museum_A-fr.png"));
  }

  @Test
  @Order(5)
  void categoryPageShallow() {
    assertEquals("ready", browser.open(origin
        + "/category/Museum_A_paintings?month=2024-02&scope=shallow&wiki=all-wikis"));
    assertCategoryNamed("Museum_A_paintings", "shallow", "all-wikis");
  }

  @Test
  @Order(6)
  void filePage() {
    assertEquals("ready", browser.open(origin + "/file/A_painting_2.jpg"));
    String file = "A_painting_2.jpg";
    List<List<String>> snapshot = golden("media_file_metrics_snapshot",
        Map.of("media_file", file), "leveraging_wiki_count", "leveraging_page_count");
    assertEquals(snapshot.get(0), List.of(figure("wikis"), figure("pages")));
    assertRows("top-wikis", golden("top_wikis_per_media_file_monthly",
        Map.of("media_file", file, "year", "2024", "month", "2"), "rank", "wiki",
        "pageview_count"));
    assertRows("top-pages", golden("top_pages_per_media_file_monthly",
        Map.of("media_file", file, "wiki", "all-wikis", "year", "2024", "month", "2"), "rank",
        "page_wiki", "page_title", "pageview_count"));
    String allWikis = golden("pageviews_per_media_file_monthly",
        Map.of("media_file", file, "wiki", "all-wikis"), "pageview_count").get(0).get(0);
    assertEquals(List.of(String.valueOf(Long.parseLong(allWikis) + 1000), allWikis),
        texts(browser.evaluate(chartData("pageviews", 0))));
    browser.screenshot(shots.resolve("5-file.png"));
  }

  @Test
  @Order(7)
  void notLoadedCategoryAndMonthSaySoInPlainWords() {
    assertEquals("ready", browser.open(origin + "/category/No_such_category"));
    String message = browser.evaluate(
        "document.querySelector('[data-message=not-loaded]').textContent").asText();
    assertTrue(message.contains("No data is loaded for the category “No such category”"),
        message);
    browser.screenshot(shots.resolve("6-not-loaded-category.png"));

    assertEquals("ready", browser.open(origin + "/category/Museum_A?month=2023-05"));
    message = browser.evaluate(
        "document.querySelector('[data-message=not-loaded]').textContent").asText();
    assertTrue(message.contains("Nothing is loaded for “Museum A” in May 2023"), message);
    assertTrue(message.contains("February 2024") && message.contains("January 2024"), message);
    assertEquals("May 2023 (not loaded)", browser.evaluate("(() => { const s = "
        + "document.querySelector('select[name=month]'); return s.options[s.selectedIndex]"
        + ".textContent; })()").asText());
    browser.screenshot(shots.resolve("7-not-loaded-month.png"));

    assertEquals("ready", browser.open(origin + "/?month=2023-05"));
    assertTrue(browser.evaluate("document.querySelector('[data-message=not-loaded]')"
        + ".textContent").asText().contains("Nothing is loaded for May 2023"));
  }

  @Test
  @Order(8)
  void noConsoleErrorsAndNoRequestLeavesTheServer() {
    List<String> errors = new ArrayList<>();
    for (String error : browser.consoleErrors) {
      // "Not loaded yet" is the API's 404 answer, which the browser logs as a failed load.
      boolean notLoadedAnswer = error.startsWith("log network:") && error.contains("404")
          && error.contains(origin + "/metrics/commons-analytics/");
      if (!notLoadedAnswer) {
        errors.add(error);
      }
    }
    assertEquals(List.of(), errors);
    assertTrue(browser.requests.size() > 20, browser.requests.toString());
    for (String url : browser.requests) {
      assertTrue(url.startsWith(origin + "/") || url.startsWith("data:")
          || url.equals("about:blank"), url);
    }
  }

  // ------------------------------------------------------------------ checks

  private void assertCategory(String scope, String wiki) {
    assertCategoryNamed(CATEGORY, scope, wiki);
  }

  /** Figures, both charts' data points and every table of a category page, against golden. */
  private void assertCategoryNamed(String category, String scope, String wiki) {
    String where = category + " " + scope + " " + wiki;
    List<String> figures = List.of("media_file_count", "used_media_file_count",
        "leveraging_wiki_count", "leveraging_page_count");
    List<String> columns = new ArrayList<>();
    for (String figure : figures) {
      columns.add(scope.equals("deep") ? figure + "_deep" : figure);
    }
    List<List<String>> snapshot = golden("category_metrics_snapshot",
        Map.of("category", category), columns.toArray(new String[0]));
    assertEquals(snapshot.get(0), List.of(figure("files"), figure("used-files"),
        figure("wikis"), figure("pages")), where);

    Map<String, String> month = Map.of("category", category, "year", "2024", "month", "2");
    Map<String, String> scoped = with(month, "category_scope", scope);
    Map<String, String> scopedWiki = with(scoped, "wiki", wiki);
    // Page views per month: January (golden + 1000) and February, shallow and deep.
    for (int dataset = 0; dataset < 2; dataset++) {
      String datasetScope = dataset == 0 ? "shallow" : "deep";
      List<List<String>> views = golden("pageviews_per_category_monthly", Map.of("category",
          category, "category_scope", datasetScope, "wiki", wiki), "pageview_count");
      List<String> points = views.isEmpty() ? nulls(2)
          : List.of(String.valueOf(Long.parseLong(views.get(0).get(0)) + 1000),
              views.get(0).get(0));
      assertEquals(points, texts(browser.evaluate(chartData("pageviews", dataset))),
          where + " " + datasetScope + " page views");
      List<String> column = new ArrayList<>();
      for (List<String> row : tableRows("pageviews")) {
        column.add(row.get(dataset + 1).isEmpty() ? "null" : row.get(dataset + 1));
      }
      assertEquals(points, column, where + " page views table");
    }
    for (int dataset = 0; dataset < 2; dataset++) {
      String editType = dataset == 0 ? "create" : "update";
      List<List<String>> edits = golden("edits_per_category_monthly", Map.of("category",
          category, "category_scope", scope, "edit_type", editType), "edit_count");
      List<String> points = edits.isEmpty() ? nulls(2)
          : List.of(String.valueOf(Long.parseLong(edits.get(0).get(0)) + 1000),
              edits.get(0).get(0));
      assertEquals(points, texts(browser.evaluate(chartData("edits", dataset))),
          where + " " + editType);
    }
    assertRows("top-files", golden("top_viewed_media_files_monthly", scopedWiki, "rank",
        "media_file", "pageview_count"));
    assertRows("top-pages", golden("top_pages_per_category_monthly", scopedWiki, "rank",
        "page_wiki", "page_title", "pageview_count"));
    List<List<String>> wikis = golden("top_wikis_per_category_monthly", scoped, "rank", "wiki",
        "pageview_count");
    assertRows("top-wikis", wikis);
    wikis.sort(Comparator.comparing((List<String> r) -> Integer.parseInt(r.get(0))));
    List<String> bars = new ArrayList<>();
    for (List<String> row : wikis) {
      bars.add(row.get(2));
    }
    assertEquals(bars, texts(browser.evaluate(chartData("top-wikis", 0))), where + " bars");
    assertRows("top-editors", golden("top_editors_monthly", with(scoped, "edit_type",
        "all-edit-types"), "rank", "user_name", "edit_count"));
  }

  private String figure(String id) {
    return browser.evaluate("document.querySelector('[data-figure=" + id + "]').dataset.value")
        .asText();
  }

  private static String chartData(String chart, int dataset) {
    return "Chart.getChart(document.querySelector('[data-chart=" + chart + "] canvas'))"
        + ".data.datasets[" + dataset + "].data.map(v => v === null ? 'null' : String(v))";
  }

  /**
   * The rows of table {@code id} equal {@code expected} (same multiset of rows, ranks in
   * ascending order on screen); an empty expectation means the section says there is none.
   */
  private void assertRows(String id, List<List<String>> expected) {
    if (expected.isEmpty()) {
      assertTrue(browser.evaluate("!document.querySelector('[data-table=" + id + "]')")
          .asBoolean(), id + " should be empty");
      return;
    }
    List<List<String>> shown = tableRows(id);
    int previous = 0;
    for (List<String> row : shown) {
      int rank = Integer.parseInt(row.get(0));
      assertTrue(rank >= previous, id + " ranks out of order: " + shown);
      previous = rank;
    }
    Comparator<List<String>> byText = Comparator.comparing(r -> String.join("\t", r));
    List<List<String>> a = new ArrayList<>(expected);
    List<List<String>> b = new ArrayList<>(shown);
    a.sort(byText);
    b.sort(byText);
    assertEquals(a, b, id);
  }

  private List<List<String>> tableRows(String id) {
    JsonNode rows = browser.evaluate("[...document.querySelectorAll('[data-table=" + id
        + "] tbody tr')].map(tr => [...tr.children].map(td => td.dataset.value))");
    List<List<String>> list = new ArrayList<>();
    rows.forEach(row -> list.add(texts(row)));
    return list;
  }

  /** Golden serving rows of {@code table} matching {@code filter}, projected on columns. */
  private static List<List<String>> golden(String table, Map<String, String> filter,
      String... columns) {
    List<String> names = ServingTable.named(table).columns();
    List<List<String>> rows = new ArrayList<>();
    for (String line : ServingWarehouse.expectedLines(table)) {
      String[] values = line.split("\t", -1);
      boolean match = true;
      for (Map.Entry<String, String> f : filter.entrySet()) {
        match &= values[names.indexOf(f.getKey())].equals(f.getValue());
      }
      if (match) {
        List<String> row = new ArrayList<>();
        for (String column : columns) {
          row.add(values[names.indexOf(column)]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Map<String, String> with(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new TreeMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private static List<String> nulls(int n) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add("null");
    }
    return list;
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.isNull() ? "null" : n.asText()));
    return list;
  }
}
