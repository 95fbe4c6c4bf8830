package org.commonsimpact.serving;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;

/**
 * The two graph-stage tables the serving stage reads for deep membership, built for tests without
 * running the graph stage: {@code commons.category_graph} (SPEC §3) and the internal {@code
 * commons.category_file_membership} (category_id, file_id, is_shallow, year_month).
 *
 * <p>For the golden world, the graph rows are the fixture's {@code expected/graph.tsv}; the deep
 * (category, file) pairs are {@code serving/golden_deep_membership.tsv} of this module's test
 * resources, derived by hand from the fixture's inputs with SPEC §3:
 *
 * <ul>
 *   <li>Museum_A's tree reaches Chain_7 at depth 7, so Chain_7 has no inner out-edge: its links to
 *       Chain_8 and Museum_A_photos do not count, and Deep(Chain_7) = {Chain7_file.jpg};
 *   <li>Chain_6 (depth 6) → Artist_X is inner, so Chain_1..Chain_6 hold Artist_X's two files and
 *       Chain7_file.jpg;
 *   <li>Museum_A_paintings → Museum_B is inner, so Museum_A_paintings holds Museum_B's sub-tree;
 *   <li>the cycle Museum_A_photos ⇄ Cycle_child gives both {Photo_1.jpg}.
 * </ul>
 *
 * The golden test checks these sets against the fixture's {@code media_file_count} and {@code
 * media_file_count_deep} of every category.
 */
final class GraphInputs {
  private GraphInputs() {}

  static final List<String> GRAPH_COLUMNS =
      List.of("page_id BIGINT", "page_title STRING", "page_type STRING", "is_primary BOOLEAN",
          "depth INT", "parent_categories ARRAY<STRING>", "primary_categories ARRAY<STRING>");

  /** Creates both tables, partitioned by {@code year_month}, unless they exist. */
  static void createIfMissing(SparkSession session) {
    session.sql("CREATE TABLE IF NOT EXISTS " + Tables.CATEGORY_GRAPH + " ("
        + String.join(", ", GRAPH_COLUMNS) + ", year_month STRING) USING iceberg "
        + "PARTITIONED BY (year_month)");
    session.sql("CREATE TABLE IF NOT EXISTS " + Tables.CATEGORY_FILE_MEMBERSHIP
        + " (category_id BIGINT, file_id BIGINT, is_shallow BOOLEAN, year_month STRING) "
        + "USING iceberg PARTITIONED BY (year_month)");
  }

  /** Loads the golden world's graph and deep membership for 2024-02. */
  static void loadGolden(SparkSession session) {
    createIfMissing(session);
    ExpectedTables.load(session, "commons.test_golden_graph", GRAPH_COLUMNS,
        SparkTestSupport.goldenDir().resolve("expected/graph.tsv"), true, null);
    ExpectedTables.load(session, "commons.test_golden_membership",
        List.of("category STRING", "media_file STRING", "is_shallow BOOLEAN"),
        resource("serving/golden_deep_membership.tsv"), true, null);
    session.sql("INSERT INTO " + Tables.CATEGORY_GRAPH
        + " SELECT *, '2024-02' FROM commons.test_golden_graph");
    session.sql("INSERT INTO " + Tables.CATEGORY_FILE_MEMBERSHIP
        + " SELECT c.page_id, f.page_id, m.is_shallow, '2024-02'"
        + " FROM commons.test_golden_membership m"
        + " JOIN commons.test_golden_graph c ON c.page_title = m.category"
        + " AND c.page_type = 'category'"
        + " JOIN commons.test_golden_graph f ON f.page_title = m.media_file"
        + " AND f.page_type = 'file'");
    long unmatched = session.sql("SELECT COUNT(*) FROM commons.test_golden_membership").first()
        .getLong(0)
        - session.sql("SELECT COUNT(*) FROM " + Tables.CATEGORY_FILE_MEMBERSHIP).first().getLong(0);
    if (unmatched != 0) {
      throw new IllegalStateException(unmatched + " golden membership rows name no graph page");
    }
  }

  static Path resource(String name) {
    try {
      return Paths.get(GraphInputs.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource missing: " + name, e);
    }
  }
}
