package org.commonsimpact.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph stage on the golden world equals expected/graph.tsv and the report's lists. */
class GoldenGraphTest {
  @TempDir Path temp;

  @Test
  void goldenGraphMatchesExpected() {
    SparkSession session = SparkTestSupport.goldenSession(temp);
    Path golden = SparkTestSupport.goldenDir();
    RunReport report =
        GraphTestSupport.runGraph(session, "2024-02", golden.resolve("allow_list.txt"), 7);

    List<String> expected = SparkTestSupport.sortedBody(golden.resolve("expected/graph.tsv"), true);
    assertEquals(expected, GraphTestSupport.graphLines(session, "2024-02"));
    assertEquals(List.of("Museum_A", "Museum_B", "Old_only"), report.get("allow_list"));
    assertEquals(List.of("Museum_A", "Museum_B"), report.get("primary_categories"));
    assertEquals(List.of("Old_only"), report.get("allow_list_not_found"));

    // Idempotent: a second run replaces the month with the same rows.
    GraphTestSupport.runGraph(session, "2024-02", golden.resolve("allow_list.txt"), 7);
    assertEquals(expected, GraphTestSupport.graphLines(session, "2024-02"));
  }
}
