package org.commonsimpact.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.TestWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3 and §9 graph rules on one small world: a cycle back into a primary, a self-loop,
 * overlapping trees, links to missing categories, link targets in the wrong namespace, subcat links
 * from non-category pages, file links without a page, rows of other wikis and snapshots; at
 * several depth bounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphRulesTest {
  @TempDir static Path temp;
  private SparkSession session;
  private Path allowList;

  static TestWorld world() {
    TestWorld w = new TestWorld()
        .page(10, 14, "P1").page(11, 14, "A").page(12, 14, "B").page(13, 14, "C")
        .page(20, 14, "P2").page(30, 0, "Article")
        .page(40, 6, "F1.jpg").page(41, 6, "F2.jpg").page(42, 6, "F3.jpg")
        .linktarget("commonswiki", 1, 14, "P1").linktarget("commonswiki", 2, 14, "A")
        .linktarget("commonswiki", 3, 14, "B").linktarget("commonswiki", 4, 14, "Missing")
        .linktarget("commonswiki", 5, 0, "P1").linktarget("commonswiki", 6, 14, "P2")
        .linktarget("commonswiki", 7, 14, "C")
        .linktarget("enwiki", 8, 14, "C")
        .categorylink(11, 1, "subcat")   // A in P1
        .categorylink(12, 2, "subcat")   // B in A
        .categorylink(13, 3, "subcat")   // C in B
        .categorylink(12, 3, "subcat")   // B in B: self-loop, ignored
        .categorylink(10, 2, "subcat")   // P1 in A: cycle back into the primary
        .categorylink(11, 4, "subcat")   // A in a category that has no page: ignored
        .categorylink(13, 5, "subcat")   // target in namespace 0: ignored
        .categorylink(30, 1, "subcat")   // cl_from is not a category: ignored
        .categorylink(12, 6, "subcat")   // B in P2: overlapping trees
        .categorylink(40, 3, "file")     // F1 in B
        .categorylink(41, 1, "file")     // F2 in P1
        .categorylink(41, 7, "file")     // F2 in C
        .categorylink(99, 1, "file")     // no page 99: ignored
        .categorylink(42, 5, "file")     // target in namespace 0: ignored
        .categorylink(30, 3, "page");    // a page link is not a file
    // Rows that must not count: another wiki, another snapshot.
    w.add(SourceTables.MEDIAWIKI_CATEGORYLINKS, "enwiki", "2024-02", 13L, 8L, "subcat");
    w.add(SourceTables.MEDIAWIKI_CATEGORYLINKS, "commonswiki", "2024-01", 13L, 6L, "subcat");
    w.add(SourceTables.MEDIAWIKI_CATEGORYLINKS, "commonswiki", "2024-01", 42L, 1L, "file");
    return w;
  }

  @BeforeAll
  void load() throws IOException {
    session = world().load(temp);
    allowList = GraphTestSupport.allowList(temp, "P1", "Category:p2", "Nope");
  }

  @Test
  void depthSevenFollowsEveryRule() {
    RunReport report = GraphTestSupport.runGraph(session, "2024-02", allowList, 7);
    assertEquals(List.of(
        "10\tP1\tcategory\ttrue\t0\tA\tP1",
        "11\tA\tcategory\tfalse\t1\tP1\tP1",
        "12\tB\tcategory\tfalse\t1\tA|P2\tP1|P2",
        "13\tC\tcategory\tfalse\t2\tB\tP1|P2",
        "20\tP2\tcategory\ttrue\t0\t\tP2",
        "40\tF1.jpg\tfile\tfalse\t2\tB\tP1|P2",
        "41\tF2.jpg\tfile\tfalse\t1\tC|P1\tP1|P2"),
        GraphTestSupport.graphLines(session, "2024-02"));
    assertEquals(List.of("Nope"), report.get("allow_list_not_found"));
    assertEquals(List.of("P1", "P2"), report.get("primary_categories"));
    // Deep(A) reaches P1 through the cycle A -> P1, so it holds P1's files too.
    assertEquals(List.of(
        "A\tF1.jpg\tfalse", "A\tF2.jpg\tfalse",
        "B\tF1.jpg\ttrue", "B\tF2.jpg\tfalse",
        "C\tF2.jpg\ttrue",
        "P1\tF1.jpg\tfalse", "P1\tF2.jpg\ttrue",
        "P2\tF1.jpg\tfalse", "P2\tF2.jpg\tfalse"),
        membership());
  }

  @Test
  void depthOneCutsTreesAndInnerEdges() {
    GraphTestSupport.runGraph(session, "2024-02", allowList, 1);
    assertEquals(List.of(
        "10\tP1\tcategory\ttrue\t0\t\tP1",
        "11\tA\tcategory\tfalse\t1\tP1\tP1",
        "12\tB\tcategory\tfalse\t1\tP2\tP2",
        "20\tP2\tcategory\ttrue\t0\t\tP2",
        "40\tF1.jpg\tfile\tfalse\t2\tB\tP2",
        "41\tF2.jpg\tfile\tfalse\t1\tP1\tP1"),
        GraphTestSupport.graphLines(session, "2024-02"));
    // A reaches nothing at depth bound 1: the edge A -> P1 starts at depth 1 = D.
    assertEquals(List.of("B\tF1.jpg\ttrue", "P1\tF2.jpg\ttrue", "P2\tF1.jpg\tfalse"),
        membership());
  }

  @Test
  void depthZeroKeepsOnlyPrimariesAndTheirFiles() {
    GraphTestSupport.runGraph(session, "2024-02", allowList, 0);
    assertEquals(List.of(
        "10\tP1\tcategory\ttrue\t0\t\tP1",
        "20\tP2\tcategory\ttrue\t0\t\tP2",
        "41\tF2.jpg\tfile\tfalse\t1\tP1\tP1"),
        GraphTestSupport.graphLines(session, "2024-02"));
  }

  @Test
  void rerunReplacesOnlyItsMonth() {
    // Publish the same world under another month's snapshot, then re-run February.
    GraphTestSupport.runGraph(session, "2024-02", allowList, 7);
    List<String> february = GraphTestSupport.graphLines(session, "2024-02");
    session.sql("INSERT INTO commons.category_graph SELECT page_id, page_title, page_type, "
        + "is_primary, depth, parent_categories, primary_categories, '2023-12' "
        + "FROM commons.category_graph WHERE year_month = '2024-02'");
    GraphTestSupport.runGraph(session, "2024-02", allowList, 7);
    assertEquals(february, GraphTestSupport.graphLines(session, "2024-02"));
    assertEquals(february, GraphTestSupport.graphLines(session, "2023-12"));
  }

  @Test
  void duplicateCategoryTitlesStopTheRun() {
    SparkSession dup = world().page(14, 14, "A").load(temp);
    var e = assertThrows(InvalidInputException.class,
        () -> GraphTestSupport.runGraph(dup, "2024-02", allowList, 7));
    assertTrue(e.getMessage().contains("'A'"), e.getMessage());
  }

  private List<String> membership() {
    return SparkTestSupport.sortedTsvLines(session.sql(
        "SELECT c.page_title, f.page_title, m.is_shallow "
            + "FROM commons.category_file_membership m "
            + "JOIN commons.category_graph c ON c.page_id = m.category_id "
            + " AND c.year_month = m.year_month AND c.page_type = 'category' "
            + "JOIN commons.category_graph f ON f.page_id = m.file_id "
            + " AND f.year_month = m.year_month AND f.page_type = 'file' "
            + "WHERE m.year_month = '2024-02'"));
  }
}
