package org.commonsimpact.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.api.Endpoint;
import org.commonsimpact.api.PathSegments;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics HTTP API end to end (issue 10): the golden month (and a second month made from it,
 * {@link ServingWarehouse#OTHER}) loaded into a real Cassandra with {@code cim load-cassandra},
 * served by {@code bin/cim serve} from the packaged jar, and every row of every golden {@code
 * expected/serving/<table>.tsv} found in the items of the request that holds it, with its fields,
 * values and order; then the 404, 400, CORS and caching behaviour.
 */
@ExtendWith(LocalCassandra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServeIT {
  /** Its own keyspace, so that the loader's tests in the same run do not change its data. */
  private static final String KEYSPACE = "api_it";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServeProcess server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void loadAndServe(@TempDir Path temp) throws IOException {
    Path warehouse = Files.createDirectories(temp.resolve("warehouse"));
    SparkSession session = CimSession.open(warehouse.toString());
    buildServingTables(session, Files.createDirectories(temp.resolve("tsv")));
    for (String month : List.of(ServingWarehouse.OTHER.toString(),
        ServingWarehouse.GOLDEN.toString())) {
      CimCli.Result load = CimCli.run("load-cassandra", "--month", month, "--warehouse",
          warehouse.toString(), "--cassandra", LocalCassandra.address(), "--keyspace", KEYSPACE);
      assertEquals(0, load.status(), load.stderr());
    }
    server = ServeProcess.start(LocalCassandra.address(), KEYSPACE);
  }

  /**
   * The fourteen {@code serving.*} tables with the golden month and {@link ServingWarehouse#OTHER}
   * (each golden row moved to that month, counts raised by 1000), one commit per table.
   */
  static void buildServingTables(SparkSession session, Path temp) throws IOException {
    for (ServingTable table : ServingTable.all()) {
      List<String> columns = new ArrayList<>();
      for (String column : table.columns()) {
        columns.add(column + " " + ServingWarehouse.sparkType(table, column));
      }
      List<String> lines =
          new ArrayList<>(SparkTestSupport.readLines(ServingWarehouse.expected(table.name())));
      for (String line : new ArrayList<>(lines.subList(1, lines.size()))) {
        lines.add(ServingWarehouse.otherMonthLine(table, line));
      }
      Path tsv = temp.resolve(table.name() + ".tsv");
      Files.write(tsv, lines);
      ExpectedTables.load(session, Tables.serving(table.name()), columns, tsv, true, null);
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyGoldenRowIsServedWithItsFieldsValuesAndOrder() {
    int rowsChecked = 0;
    for (ServingTable table : ServingTable.all()) {
      Endpoint endpoint = Endpoint.named(table.name().replace('_', '-'));
      Map<String, List<String[]>> byPath = new LinkedHashMap<>();
      for (String line : ServingWarehouse.expectedLines(table.name())) {
        byPath.computeIfAbsent(goldenPath(endpoint, line), p -> new ArrayList<>())
            .add(line.split("\t", -1));
      }
      for (Map.Entry<String, List<String[]>> request : byPath.entrySet()) {
        List<String[]> rows = request.getValue();
        if (table.isTopList()) {
          rows.sort((a, b) -> CqlTables.apiOrder(table)
              .compare(String.join("\t", a), String.join("\t", b)));
        }
        HttpResponse<String> response = get(request.getKey());
        assertEquals(200, response.statusCode(), request.getKey() + " " + response.body());
        assertEquals("application/json", contentType(response));
        JsonNode items = json(response).get("items");
        assertEquals(rows.size(), items.size(), request.getKey() + " " + response.body());
        for (int i = 0; i < rows.size(); i++) {
          assertItem(table, rows.get(i), items.get(i), request.getKey());
          rowsChecked++;
        }
      }
    }
    int goldenRows = 0;
    for (ServingTable table : ServingTable.all()) {
      goldenRows += ServingWarehouse.expectedLines(table.name()).size();
    }
    assertEquals(goldenRows, rowsChecked);
  }

  @Test
  void seriesCoverTheRangeInTimestampOrder() {
    for (ServingTable table : ServingTable.all()) {
      if (table.isTopList()) {
        continue;
      }
      Endpoint endpoint = Endpoint.named(table.name().replace('_', '-'));
      String february = ServingWarehouse.expectedLines(table.name()).get(0);
      String january = ServingWarehouse.otherMonthLine(table, february);
      String path = seriesPath(endpoint, february, "20231201", "20240401");
      HttpResponse<String> response = get(path);
      assertEquals(200, response.statusCode(), path + " " + response.body());
      JsonNode items = json(response).get("items");
      assertEquals(2, items.size(), path + " " + response.body());
      assertItem(table, january.split("\t", -1), items.get(0), path);
      assertItem(table, february.split("\t", -1), items.get(1), path);
    }
  }

  @Test
  void requestsWithoutDataAre404ProblemsSayingNotLoaded() {
    for (String path : List.of(
        "category-metrics-snapshot/No_such_category/20240201/20240301",
        "category-metrics-snapshot/Museum_A/20230101/20230201",
        "top-editors-monthly/Museum_A/deep/all-edit-types/2023/5",
        "top-viewed-categories-monthly/deep/xx.wikipedia/2024/2")) {
      HttpResponse<String> response = get(path);
      JsonNode problem = assertProblem(response, 404, path);
      assertTrue(problem.get("detail").asText().contains("not loaded yet"), response.body());
    }
    assertProblem(get("no-such-endpoint/Museum_A/2024/2"), 404, "unknown endpoint");
  }

  @Test
  void invalidParametersAre400ProblemsNamingThem() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("top-editors-monthly/Museum_A/medium/all-edit-types/2024/2", "category-scope");
    cases.put("top-editors-monthly/Museum_A/deep/delete/2024/2", "edit-type");
    cases.put("category-metrics-snapshot/Museum_A/20240230/20240301", "start");
    cases.put("category-metrics-snapshot/Museum_A/20240301/20240201", "end");
    cases.put("category-metrics-snapshot/Museum_A/20240201/20240201", "end");
    cases.put("top-wikis-per-category-monthly/Museum_A/deep/2024/13", "month");
    cases.put("top-wikis-per-category-monthly/Museum_A/deep/24/2", "year");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response = get(c.getKey());
      JsonNode problem = assertProblem(response, 400, c.getKey());
      assertEquals(c.getValue(), problem.get("parameter").asText(), response.body());
      assertTrue(problem.get("detail").asText().contains(c.getValue()), response.body());
    }
  }

  @Test
  void corsCachingAndEtags() {
    String path = "top-wikis-per-category-monthly/Museum_A/deep/2024/02";
    HttpResponse<String> ok = get(path);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("*", header(ok, "Access-Control-Allow-Origin"));
    assertTrue(header(ok, "Cache-Control").contains("max-age="), header(ok, "Cache-Control"));
    String etag = header(ok, "ETag");
    assertFalse(etag.isEmpty());
    HttpResponse<String> again = send("GET", path, Map.of("If-None-Match", etag));
    assertEquals(304, again.statusCode());
    assertEquals("*", header(again, "Access-Control-Allow-Origin"));
    assertEquals(ok.body(), get("top-wikis-per-category-monthly/Museum_A/deep/2024/2").body());

    HttpResponse<String> preflight = send("OPTIONS", path, Map.of("Origin",
        "https://dashboard.example", "Access-Control-Request-Method", "GET"));
    assertEquals(204, preflight.statusCode());
    assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
    assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("GET"));
  }

  @Test
  void healthAndSpecification() {
    HttpResponse<String> health = send("GET", "/healthz", Map.of());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(json(health).get("reachable").asBoolean(), health.body());
    HttpResponse<String> spec = get("api-spec.json");
    assertEquals(200, spec.statusCode());
    List<String> paths = new ArrayList<>();
    json(spec).get("paths").fieldNames().forEachRemaining(paths::add);
    for (Endpoint endpoint : Endpoint.all()) {
      assertTrue(paths.contains(endpoint.template()), endpoint.template());
    }
  }

  /** Compares one item with one golden row: the same fields in column order, typed values. */
  private static void assertItem(ServingTable table, String[] row, JsonNode item,
      String where) {
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
      fields.add(it.next());
    }
    List<String> expectedFields = new ArrayList<>();
    for (String column : table.columns()) {
      expectedFields.add(column.equals("dt") ? "timestamp" : column.replace('_', '-'));
    }
    assertEquals(expectedFields, fields, where);
    for (int c = 0; c < row.length; c++) {
      String column = table.columns().get(c);
      JsonNode value = item.get(expectedFields.get(c));
      switch (table.type(column).cql()) {
        case "int":
        case "bigint":
          assertTrue(value.isIntegralNumber(), where + " " + column + " " + value);
          assertEquals(Long.parseLong(row[c]), value.asLong(), where + " " + column);
          break;
        case "timestamp":
          assertTrue(value.isTextual(), where + " " + column);
          assertEquals(row[c] + "Z", value.asText(), where + " " + column);
          break;
        default:
          assertTrue(value.isTextual(), where + " " + column);
          assertEquals(row[c], value.asText(), where + " " + column);
      }
    }
  }

  /** The request holding a golden row: its key values, and its month. */
  private static String goldenPath(Endpoint endpoint, String line) {
    return endpoint.isTopList() ? topPath(endpoint, line)
        : seriesPath(endpoint, line, "20240201", "20240301");
  }

  private static String topPath(Endpoint endpoint, String line) {
    return relative(PathSegments.path(endpoint, keyValues(endpoint, line)));
  }

  private static String seriesPath(Endpoint endpoint, String line, String start, String end) {
    List<String> values = keyValues(endpoint, line);
    values.add(start);
    values.add(end);
    return relative(PathSegments.path(endpoint, values));
  }

  private static List<String> keyValues(Endpoint endpoint, String line) {
    String[] row = line.split("\t", -1);
    List<String> values = new ArrayList<>();
    for (String column : endpoint.table().partitionKey()) {
      values.add(row[endpoint.columns().indexOf(column)]);
    }
    return values;
  }

  private static String relative(String absolutePath) {
    return absolutePath.substring(Endpoint.BASE_PATH.length() + 1);
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status, String where) {
    assertEquals(status, response.statusCode(), where + " " + response.body());
    assertEquals("application/problem+json", contentType(response), where);
    assertEquals("*", header(response, "Access-Control-Allow-Origin"), where);
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("\tat "), response.body());
    JsonNode problem = json(response);
    assertEquals(status, problem.get("status").asInt(), response.body());
    for (String field : List.of("type", "title", "detail")) {
      assertTrue(problem.hasNonNull(field), field + " in " + response.body());
    }
    return problem;
  }

  private HttpResponse<String> get(String pathUnderBase) {
    return send("GET", pathUnderBase, Map.of());
  }

  private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
    String url = path.startsWith("/") ? server.baseUrl.substring(0,
        server.baseUrl.indexOf(Endpoint.BASE_PATH)) + path : server.baseUrl + path;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  private static String contentType(HttpResponse<String> response) {
    return header(response, "Content-Type").split(";")[0].trim();
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }
}
