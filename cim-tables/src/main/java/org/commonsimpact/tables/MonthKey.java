package org.commonsimpact.tables;

import java.util.List;
import org.commonsimpact.common.Month;

/**
 * How a table's rows name their month. This decides the table's Iceberg partitioning and the
 * predicates that select one month; every form's {@link #predicate} covers whole partitions, so
 * replacing a month is a metadata-only delete of the old files plus the new files, in one commit.
 */
public enum MonthKey {
  /** A {@code year_month} STRING column, {@code 2024-02}; identity partition. */
  YEAR_MONTH(List.of("year_month"), "year_month"),
  /** A {@code dt} TIMESTAMP column, the first day of the month 00:00 UTC; partition {@code months(dt)}. */
  DT(List.of("dt"), "months(dt)"),
  /** INT columns {@code year} and {@code month} ({@code 2}, not {@code 02}); identity partitions. */
  YEAR_AND_MONTH(List.of("year", "month"), "year, month");

  private final List<String> columns;
  private final String partitioning;

  MonthKey(List<String> columns, String partitioning) {
    this.columns = columns;
    this.partitioning = partitioning;
  }

  /** The columns that hold the month. */
  public List<String> columns() {
    return columns;
  }

  /** The Iceberg {@code PARTITIONED BY} clause's content. */
  public String partitioning() {
    return partitioning;
  }

  /** SparkSQL predicate selecting the month's rows; it covers whole partitions. */
  public String predicate(Month month) {
    if (this == DT) {
      return "dt >= " + timestamp(month) + " AND dt < TIMESTAMP '"
          + month.firstDay().plusMonths(1) + " 00:00:00'";
    }
    return keyPredicate(month);
  }

  /**
   * Equality on the month columns ({@code dt = TIMESTAMP '2024-02-01 00:00:00'} for {@link #DT}):
   * the same rows as {@link #predicate}, in the form that Cassandra's indexes on the month columns
   * answer.
   */
  public String keyPredicate(Month month) {
    switch (this) {
      case YEAR_MONTH:
        return "year_month = '" + month + "'";
      case DT:
        return "dt = " + timestamp(month);
      default:
        return "year = " + month.year() + " AND month = " + month.monthNumber();
    }
  }

  private static String timestamp(Month month) {
    return "TIMESTAMP '" + month.firstDay() + " 00:00:00'";
  }
}
