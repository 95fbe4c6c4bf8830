package org.commonsimpact.common;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.commonsimpact.tables.TableSchema;

/**
 * The month-partitioned Iceberg tables as every stage and the loader use them: check that input
 * tables exist, read one month, and replace one month (create the table if absent, then overwrite
 * the month's partitions in one commit, leaving other months untouched). The table's {@link
 * TableSchema} says how its month is kept.
 */
public final class MonthPartitions {
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
   * rewritten, and an empty {@code rows} leaves the month empty.
   */
  public static void overwriteMonth(SparkSession session, TableSchema table, Dataset<Row> rows,
      Month month) {
    createIfAbsent(session, table);
    try {
      rows.writeTo(table.qualifiedName()).overwrite(expr(table.monthPredicate(month)));
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table.qualifiedName() + " vanished while being written", e);
    }
  }

  /** The month's rows of the table, all columns. */
  public static Dataset<Row> month(SparkSession session, TableSchema table, Month month) {
    return session.table(table.qualifiedName()).where(table.monthPredicate(month));
  }

  /** How many rows the table holds for the month. */
  public static long countMonth(SparkSession session, TableSchema table, Month month) {
    return session.sql("SELECT COUNT(*) FROM " + table.qualifiedName() + " WHERE "
        + table.monthPredicate(month)).first().getLong(0);
  }
}
