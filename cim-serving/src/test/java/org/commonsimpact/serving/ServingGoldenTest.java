package org.commonsimpact.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden world: from the fixture's expected base tables (and the graph stage's deep
 * membership, see {@link GraphInputs}), every serving table equals {@code
 * expected/serving/<table>.tsv}, header included, and the run report's row counts equal {@code
 * expected/report.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingGoldenTest {
  private static final Month MONTH = Month.parse("2024-02");

  @TempDir static Path tempDir;
  private SparkSession session;
  private RunReport report;

  @BeforeAll
  void runGolden() {
    session = SparkTestSupport.freshSession(tempDir);
    ExpectedTables.loadGoldenBaseTables(session);
    GraphInputs.loadGolden(session);
    report = new RunReport(MONTH);
    new ServingStage().run(new StageContext(session, MONTH,
        new RunOptions(null, RunOptions.DEFAULT_MAX_DEPTH, null, false), report));
  }

  @Test
  void goldenMembershipMatchesTheFixtureFileCounts() {
    List<String> counts = SparkTestSupport.sortedTsvLines(session.sql(
        "SELECT g.page_title, SUM(IF(m.is_shallow, 1, 0)), COUNT(*)"
            + " FROM " + Tables.CATEGORY_FILE_MEMBERSHIP + " m"
            + " JOIN " + Tables.CATEGORY_GRAPH + " g ON g.page_id = m.category_id"
            + " GROUP BY g.page_title"));
    List<String> expected = SparkTestSupport.sortedTsvLines(session.sql(
        "SELECT category, media_file_count, media_file_count_deep FROM "
            + Tables.commons(Tables.CATEGORY_METRICS) + " WHERE media_file_count_deep > 0"));
    assertEquals(expected, counts);
  }

  @Test
  void everyServingTableEqualsTheGoldenFile() {
    Path dir = SparkTestSupport.goldenDir().resolve("expected/serving");
    Map<String, List<String>> mismatches = new LinkedHashMap<>();
    for (String table : Tables.SERVING_TABLES) {
      Dataset<Row> frame = session.sql("SELECT * FROM " + Tables.serving(table));
      List<String> actual = new ArrayList<>();
      actual.add(String.join("\t", frame.columns()));
      actual.addAll(SparkTestSupport.sortedTsvLines(frame));
      List<String> expected = SparkTestSupport.readLines(dir.resolve(table + ".tsv"));
      List<String> expectedSorted = new ArrayList<>(expected.subList(0, 1));
      expectedSorted.addAll(SparkTestSupport.sortedBody(dir.resolve(table + ".tsv"), true));
      if (!expectedSorted.equals(actual)) {
        mismatches.put(table, actual);
      }
    }
    for (Map.Entry<String, List<String>> e : mismatches.entrySet()) {
      assertEquals(
          String.join("\n", SparkTestSupport.readLines(dir.resolve(e.getKey() + ".tsv"))),
          String.join("\n", e.getValue()), e.getKey());
    }
    assertEquals(Map.of(), mismatches);
  }

  @Test
  void reportHasTheGoldenServingRowCounts() throws IOException {
    JsonNode golden = new ObjectMapper().readTree(
        SparkTestSupport.goldenDir().resolve("expected/report.json").toFile());
    Map<String, Long> expected = new LinkedHashMap<>();
    golden.get("serving_row_counts").fields()
        .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
    @SuppressWarnings("unchecked")
    Map<String, Long> actual = (Map<String, Long>) report.get("serving_row_counts");
    assertEquals(expected, new java.util.TreeMap<>(actual));
    assertEquals(Tables.SERVING_TABLES, new ArrayList<>(actual.keySet()));
  }
}
