package org.commonsimpact.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotence per month (SPEC §1, §8): a run replaces its month of each table in one commit, also
 * when the new result is empty, and leaves other months as they were.
 */
class ServingRerunTest {
  @TempDir Path tempDir;

  private static ServingWorld february() {
    ServingWorld world = new ServingWorld("2024-02");
    world.file("F1.jpg", "Cat_A", "Cat_B").file("F2.jpg", "Cat_B").deep("Cat_A", "F2.jpg");
    world.use("F1.jpg", "en.wikipedia", "P1", 5).use("F2.jpg", "fr.wikipedia", "P2", 7);
    world.edit("Ann", "create", "F1.jpg", "2024-02-02T00:00:00Z")
        .edit(":anonymous:", "update", "F2.jpg", "2024-02-03T00:00:00Z");
    return world;
  }

  private static ServingWorld january() {
    ServingWorld world = new ServingWorld("2024-01");
    world.file("J1.jpg", "Cat_A").use("J1.jpg", "de.wikipedia", "PJ", 3);
    world.edit("Joe", "update", "J1.jpg", "2024-01-31T23:59:59Z");
    return world;
  }

  /** February again, upstream emptied: one category left, no views, no edits. */
  private static ServingWorld emptiedFebruary() {
    ServingWorld world = new ServingWorld("2024-02");
    world.file("F1.jpg", "Cat_A").use("F1.jpg", "en.wikipedia", "P1", 0);
    return world;
  }

  @Test
  void rerunReplacesTheMonthInOneCommitAndLeavesOtherMonths() {
    SparkSession session = SparkTestSupport.freshSession(tempDir);
    ServingWorld feb = february();
    ServingWorld jan = january();
    feb.appendTo(session);
    jan.appendTo(session);

    ServingTestSupport.runStage(session, feb.month);
    ServingTestSupport.runStage(session, jan.month);
    ServingTestSupport.assertMatchesOracle(session, feb);
    ServingTestSupport.assertMatchesOracle(session, jan);
    Map<String, List<String>> januaryRows = ServingTestSupport.allMonthLines(session, jan.month);
    Map<String, Long> snapshots = snapshotCounts(session);

    ServingWorld emptied = emptiedFebruary();
    emptied.replaceIn(session);
    ServingTestSupport.runStage(session, emptied.month);

    ServingTestSupport.assertMatchesOracle(session, emptied);
    for (String table : Tables.SERVING_TABLES) {
      if (!table.endsWith("_snapshot")) {
        assertEquals(List.of(), ServingTestSupport.monthLines(session, table, emptied.month),
            table + ": stale February rows must be gone");
      }
    }
    assertEquals(List.of("Cat_A\t2024-02-01T00:00:00\t1\t1\t1\t1\t1\t1\t1\t1"),
        ServingTestSupport.monthLines(session, "category_metrics_snapshot", emptied.month));
    assertEquals(januaryRows, ServingTestSupport.allMonthLines(session, jan.month));
    Map<String, Long> after = snapshotCounts(session);
    for (String table : Tables.SERVING_TABLES) {
      assertEquals(snapshots.get(table) + 1, after.get(table), table + ": one commit per run");
      assertFalse(januaryRows.get(table).isEmpty(), table + ": January has rows to keep");
    }
  }

  @Test
  void missingInputTablesAreReportedBeforeAnythingIsWritten() {
    SparkSession session = SparkTestSupport.freshSession(tempDir);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ServingTestSupport.runStage(session, Month.parse("2024-02")));
    assertTrue(e.getMessage().contains(Tables.CATEGORY_FILE_MEMBERSHIP), e.getMessage());
    assertTrue(e.getMessage().contains(Tables.commons(Tables.EDITS)), e.getMessage());
    assertFalse(session.catalog().tableExists(Tables.serving("category_metrics_snapshot")));
  }

  private static Map<String, Long> snapshotCounts(SparkSession session) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : Tables.SERVING_TABLES) {
      counts.put(table, session.sql("SELECT COUNT(*) FROM " + Tables.serving(table)
          + ".snapshots").first().getLong(0));
    }
    return counts;
  }
}
