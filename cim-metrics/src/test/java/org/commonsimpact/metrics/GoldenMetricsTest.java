package org.commonsimpact.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five base tables on the golden world equal the expected files, sorted, row for row. */
class GoldenMetricsTest {
  @TempDir Path temp;

  @Test
  void goldenBaseTablesMatchExpected() throws IOException {
    SparkSession session = SparkTestSupport.goldenSession(temp);
    Path golden = SparkTestSupport.goldenDir();
    RunReport report = MetricsTestSupport.runGraphAndMetrics(
        session, "2024-02", golden.resolve("allow_list.txt"), false);

    for (String table : Tables.BASE_TABLES) {
      assertEquals(
          SparkTestSupport.sortedBody(golden.resolve("expected/" + table + ".tsv"), false),
          MetricsTestSupport.table(session, table), table);
    }
    JsonNode expected = new ObjectMapper().readTree(golden.resolve("expected/report.json").toFile());
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) report.get("row_counts");
    for (String table : Tables.BASE_TABLES) {
      assertEquals(expected.get("row_counts").get(table).asLong(), counts.get(table), table);
    }
  }
}
