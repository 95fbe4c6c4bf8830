package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.tables.Column;
import org.commonsimpact.tables.MonthKey;
import org.commonsimpact.tables.TableSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing a month and counting it: the count read from the commit's snapshot summary equals the
 * month's rows after a first write, a re-run, an empty result and a write of another month, for
 * each form of month key; a row outside the month is refused before anything is committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthPartitionsTest {
  private static final Month FEB = Month.parse("2024-02");
  private static final Month MAR = Month.parse("2024-03");

  @TempDir static Path tempDir;
  private SparkSession session;

  @BeforeAll
  void open() {
    session = SparkTestSupport.freshSession(tempDir);
  }

  private static TableSchema schema(String name, MonthKey key) {
    List<Column> columns = switch (key) {
      case YEAR_MONTH -> List.of(Column.string("name"), Column.string("year_month"));
      case DT -> List.of(Column.string("name"), Column.timestamp("dt"));
      case YEAR_AND_MONTH -> List.of(Column.string("name"), Column.integer("year"),
          Column.integer("month"));
    };
    return new TableSchema(Tables.SERVING, name, key, columns);
  }

  /** {@code count} rows of the month named {@code prefix0..}; for a DT key, spread over it. */
  private Dataset<Row> rows(TableSchema table, Month month, String prefix, int count) {
    String monthColumns = switch (table.monthKey()) {
      case YEAR_MONTH -> "'" + month + "' AS year_month";
      case DT -> "TIMESTAMP '" + month.firstDay() + " 00:00:00' + make_interval(0, 0, 0, "
          + "CAST(id % 28 AS INT), 0, 0, 0) AS dt";
      case YEAR_AND_MONTH -> month.year() + " AS year, " + month.monthNumber() + " AS month";
    };
    return session.sql("SELECT CONCAT('" + prefix + "', id) AS name, " + monthColumns
        + " FROM range(" + count + ")");
  }

  private long counted(TableSchema table, Month month) {
    return session.sql("SELECT COUNT(*) FROM " + table.qualifiedName() + " WHERE "
        + table.monthPredicate(month)).first().getLong(0);
  }

  private long snapshots(TableSchema table) {
    return session.sql("SELECT COUNT(*) FROM " + table.qualifiedName() + ".snapshots")
        .first().getLong(0);
  }

  @Test
  void countOfAWrittenMonthComesFromItsCommitInEveryCase() {
    for (MonthKey key : MonthKey.values()) {
      TableSchema table = schema("counted_" + key.name().toLowerCase(), key);
      String what = table.qualifiedName();

      MonthPartitions.overwriteMonth(session, table, rows(table, FEB, "a", 50), FEB);
      assertEquals(50L, MonthPartitions.writtenRows(session, table, FEB), what + " first write");
      assertEquals(50, MonthPartitions.countMonth(session, table, FEB), what);
      assertNull(MonthPartitions.writtenRows(session, table, MAR), what + ": not March's commit");

      MonthPartitions.overwriteMonth(session, table, rows(table, MAR, "m", 7), MAR);
      assertEquals(7, MonthPartitions.countMonth(session, table, MAR), what);
      assertNull(MonthPartitions.writtenRows(session, table, FEB), what + ": March is current");
      assertEquals(50, MonthPartitions.countMonth(session, table, FEB), what + " by counting");

      MonthPartitions.overwriteMonth(session, table, rows(table, FEB, "b", 20), FEB);
      assertEquals(20L, MonthPartitions.writtenRows(session, table, FEB), what + " re-run");
      assertEquals(counted(table, FEB), MonthPartitions.countMonth(session, table, FEB), what);
      assertEquals(7, counted(table, MAR), what + ": March untouched");

      long before = snapshots(table);
      MonthPartitions.overwriteMonth(session, table, rows(table, FEB, "c", 0), FEB);
      assertEquals(before + 1, snapshots(table), what + ": an empty result is still a commit");
      assertEquals(0L, MonthPartitions.writtenRows(session, table, FEB), what + " emptied");
      assertEquals(0, counted(table, FEB), what);
      assertEquals(7, counted(table, MAR), what + ": March untouched");

      MonthPartitions.overwriteMonth(session, table, rows(table, FEB, "d", 0), FEB);
      assertEquals(0, MonthPartitions.countMonth(session, table, FEB), what + " empty again");
    }
  }

  @Test
  void aRowOutsideTheMonthFailsTheWriteBeforeAnyCommit() {
    TableSchema table = schema("outside", MonthKey.DT);
    MonthPartitions.overwriteMonth(session, table, rows(table, FEB, "a", 3), FEB);
    long before = snapshots(table);
    Dataset<Row> strays = rows(table, FEB, "a", 3).union(rows(table, MAR, "stray", 1));
    Exception e = assertThrows(Exception.class,
        () -> MonthPartitions.overwriteMonth(session, table, strays, FEB));
    assertTrue(String.valueOf(e.getMessage()).contains("a row outside 2024-02 was written to "
        + table.qualifiedName()), String.valueOf(e.getMessage()));
    assertEquals(before, snapshots(table), "nothing committed");
    assertEquals(3, MonthPartitions.countMonth(session, table, FEB));
  }
}
