package org.commonsimpact.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks that source tables hold a month before a stage reads them (SPEC §8): rows at snapshot =
 * month in each MediaWiki table, and pageview rows on every day of the month. Collects every missing
 * item so that one error names them all.
 */
public final class Readiness {
  private final SparkSession session;
  private final Month month;
  private final java.util.Set<String> missing = new java.util.LinkedHashSet<>();
  /** Every source table a stage asked for, with the filter that selects its month's rows. */
  private final Map<String, String> monthFilters = new TreeMap<>();

  public Readiness(SparkSession session, Month month) {
    this.session = session;
    this.month = month;
  }

  /** Requires rows at {@code snapshot = month} in each of the given MediaWiki tables. */
  public Readiness requireSnapshot(SourceTables... tables) {
    for (SourceTables table : tables) {
      monthFilters.put(table.qualifiedName(), "snapshot = '" + month.snapshot() + "'");
      if (!tableExists(table.qualifiedName())) {
        missing.add(table.qualifiedName() + " does not exist");
      } else if (session
          .sql("SELECT 1 FROM " + table.qualifiedName()
              + " WHERE snapshot = '" + month.snapshot() + "' LIMIT 1")
          .isEmpty()) {
        missing.add(table.qualifiedName() + " has no rows at snapshot " + month.snapshot());
      }
    }
    return this;
  }

  /** Requires the table to exist (tables without a snapshot, such as {@code wikis}). */
  public Readiness requireTable(String qualifiedName) {
    monthFilters.put(qualifiedName, "true");
    if (!tableExists(qualifiedName)) {
      missing.add(qualifiedName + " does not exist");
    }
    return this;
  }

  /**
   * Requires pageview rows on every day of the month, or with {@code partial} at least one row in
   * the month.
   */
  public Readiness requirePageviews(boolean partial) {
    String table = SourceTables.PAGEVIEW_HOURLY.qualifiedName();
    monthFilters.put(table, "year = " + month.year() + " AND month = " + month.monthNumber());
    if (!tableExists(table)) {
      missing.add(table + " does not exist");
      return this;
    }
    Set<Integer> days = new TreeSet<>();
    for (Row row :
        session
            .sql("SELECT DISTINCT day FROM " + table + " WHERE year = " + month.year()
                + " AND month = " + month.monthNumber() + " AND day IS NOT NULL")
            .collectAsList()) {
      days.add(row.getInt(0));
    }
    if (partial) {
      if (days.isEmpty()) {
        missing.add(table + " has no rows for " + month);
      }
      return this;
    }
    List<Integer> absent = new ArrayList<>();
    for (int day = 1; day <= month.lengthInDays(); day++) {
      if (!days.contains(day)) {
        absent.add(day);
      }
    }
    if (!absent.isEmpty()) {
      missing.add(table + " has no rows for " + month + " on day(s) " + compact(absent));
    }
    return this;
  }

  /** Throws one {@link InvalidInputException} naming everything missing, if anything is. */
  public void check(String stages) {
    if (!missing.isEmpty()) {
      throw new InvalidInputException("inputs not ready for " + month + " (stages " + stages
          + "): " + String.join("; ", missing));
    }
  }

  /**
   * Rows of the month in every source table asked for so far (all rows for a table without a month,
   * such as {@code wikis}), by qualified name. For the run report, after {@link #check} passed: a
   * scheduler can compare them with the previous month's to catch a truncated source.
   */
  public Map<String, Long> inputRowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    monthFilters.forEach((table, filter) -> counts.put(table,
        session.sql("SELECT COUNT(*) FROM " + table + " WHERE " + filter).first().getLong(0)));
    return counts;
  }

  private boolean tableExists(String qualifiedName) {
    return session.catalog().tableExists(qualifiedName);
  }

  /** 1,2,3,5 becomes "1-3,5". */
  static String compact(List<Integer> days) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
        j++;
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(days.get(i));
      if (j > i) {
        out.append('-').append(days.get(j));
      }
      i = j + 1;
    }
    return out.toString();
  }
}
