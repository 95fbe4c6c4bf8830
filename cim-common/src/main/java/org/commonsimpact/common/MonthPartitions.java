package org.commonsimpact.common;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.commonsimpact.tables.TableSchema;

/**
 * The month-partitioned Iceberg tables as every stage and the loader use them: check that input
 * tables exist, read one month, and replace one month (create the table if absent, then overwrite
 * the month's partitions in one commit, leaving other months untouched). The table's {@link
 * TableSchema} says how its month is kept.
 *
 * <p>Counting a month just written needs no Spark job: {@link #overwriteMonth} stamps its commit
 * with the month ({@value #OVERWRITTEN_MONTH} in the snapshot summary) and refuses rows outside the
 * month, so while that commit is the table's current snapshot the month holds exactly the rows the
 * commit added; {@link #countMonth} reads them from the summary and counts only otherwise.
 */
public final class MonthPartitions {
  /** Snapshot summary property naming the month that an {@link #overwriteMonth} commit replaced. */
  public static final String OVERWRITTEN_MONTH = "cim.overwritten-month";

  private static final String SNAPSHOT_PROPERTY = "snapshot-property.";

  private MonthPartitions() {}

  /** Those of {@code qualifiedNames} that the session's catalog does not have, in order. */
  public static List<String> missingTables(SparkSession session, List<String> qualifiedNames) {
    List<String> missing = new ArrayList<>();
    for (String table : qualifiedNames) {
      if (!session.catalog().tableExists(table)) {
        missing.add(table);
      }
    }
    return missing;
  }

  /** Creates the table, partitioned by month, unless it exists. */
  public static void createIfAbsent(SparkSession session, TableSchema table) {
    session.sql(table.createIfAbsentSql());
  }

  /**
   * Creates the table if absent, then replaces the month's rows by {@code rows} in one Iceberg
   * commit: the month predicate covers whole partitions, so the old files are dropped without being
   * rewritten, and an empty {@code rows} leaves the month empty (the commit still happens).
   *
   * <p>Every row must belong to the month: a row outside it fails the write before anything is
   * committed (a check that Spark folds away when the month columns are constants). The commit's
   * snapshot summary carries {@value #OVERWRITTEN_MONTH}{@code = month}, which {@link #countMonth}
   * reads.
   */
  public static void overwriteMonth(SparkSession session, TableSchema table, Dataset<Row> rows,
      Month month) {
    createIfAbsent(session, table);
    String predicate = table.monthPredicate(month);
    Dataset<Row> checked = rows.where(expr("CASE WHEN " + predicate + " THEN true ELSE "
        + "raise_error('a row outside " + month + " was written to " + table.qualifiedName()
        + "') END"));
    try {
      checked.writeTo(table.qualifiedName())
          .option(SNAPSHOT_PROPERTY + OVERWRITTEN_MONTH, month.toString())
          .overwrite(expr(predicate));
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table.qualifiedName() + " vanished while being written", e);
    }
  }

  /** The month's rows of the table, all columns. */
  public static Dataset<Row> month(SparkSession session, TableSchema table, Month month) {
    return session.table(table.qualifiedName()).where(table.monthPredicate(month));
  }

  /**
   * How many rows the table holds for the month. When the table's current snapshot is the commit
   * of {@link #overwriteMonth} for this month, that is the commit's added records (no Spark job);
   * otherwise the month's rows are counted.
   */
  public static long countMonth(SparkSession session, TableSchema table, Month month) {
    Long written = writtenRows(session, table, month);
    if (written != null) {
      return written;
    }
    return session.sql("SELECT COUNT(*) FROM " + table.qualifiedName() + " WHERE "
        + table.monthPredicate(month)).first().getLong(0);
  }

  /**
   * The rows that the table's current snapshot added if that snapshot is an {@link
   * #overwriteMonth} commit of {@code month}, else null.
   */
  static Long writtenRows(SparkSession session, TableSchema table, Month month) {
    Table iceberg;
    try {
      iceberg = Spark3Util.loadIcebergTable(session,
          CimSession.CATALOG + "." + table.qualifiedName());
    } catch (ParseException | NoSuchTableException e) {
      throw new IllegalStateException(table.qualifiedName() + " cannot be loaded", e);
    }
    iceberg.refresh();
    Snapshot current = iceberg.currentSnapshot();
    if (current == null) {
      return null;
    }
    Map<String, String> summary = current.summary();
    if (!month.toString().equals(summary.get(OVERWRITTEN_MONTH))) {
      return null;
    }
    // Iceberg leaves the property out when the commit added no records.
    return Long.parseLong(summary.getOrDefault(SnapshotSummary.ADDED_RECORDS_PROP, "0"));
  }
}
