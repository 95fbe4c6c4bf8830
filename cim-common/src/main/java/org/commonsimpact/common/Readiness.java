package org.commonsimpact.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that source tables hold a month before a stage reads them (SPEC §8): rows at snapshot =
 * month in each MediaWiki table, and pageview rows on every day of the month. Collects every missing
 * item so that one error names them all.
 *
 * <p>Sources are read where the session's {@link SourceBinding} puts them. The month is looked up
 * in the table's partition metadata ({@link PartitionMetadata}: Hive partitions, Iceberg partition
 * metadata) and only when that cannot answer, in its rows: a MediaWiki table by a one-row probe of
 * the month's partitions, pageviews by the distinct days of the month (a table partitioned by year
 * and month only, or a source bound to a query). For pageviews partitioned by day and hour, every
 * day partition of the month must exist and missing hours are {@link #warnings}.
 */
public final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  private final SparkSession session;
  private final Month month;
  private final Set<String> missing = new LinkedHashSet<>();
  private final List<String> warnings = new ArrayList<>();
  /** Every source table a stage asked for, with the filter that selects its month's rows. */
  private final Map<SourceTables, String> monthFilters = new TreeMap<>();

  public Readiness(SparkSession session, Month month) {
    this.session = session;
    this.month = month;
  }

  /** Requires rows at {@code snapshot = month} in each of the given MediaWiki tables. */
  public Readiness requireSnapshot(SourceTables... tables) {
    for (SourceTables table : tables) {
      monthFilters.put(table, "snapshot = '" + month.snapshot() + "'");
      if (!exists(table)) {
        missing.add(name(table) + " does not exist");
      } else if (!holdsSnapshot(table)) {
        missing.add(name(table) + " has no rows at snapshot " + month.snapshot());
      }
    }
    return this;
  }

  /**
   * Whether the month's snapshot is there: in the partition metadata of the source's table (of
   * each table a bound query reads), else by a one-row probe.
   */
  private boolean holdsSnapshot(SourceTables table) {
    List<String> metadataTables = SourceBinding.metadataTables(session, table);
    if (metadataTables != null && !metadataTables.isEmpty()) {
      boolean answered = true;
      boolean present = true;
      for (String metadataTable : metadataTables) {
        List<Map<String, String>> partitions = PartitionMetadata.matching(session, metadataTable,
            Map.of("snapshot", month.snapshot()));
        answered &= partitions != null;
        present &= partitions != null && !partitions.isEmpty();
      }
      if (answered) {
        return present;
      }
    }
    return !session
        .sql("SELECT 1 FROM " + SourceBinding.relation(session, table)
            + " WHERE snapshot = '" + month.snapshot() + "' LIMIT 1")
        .isEmpty();
  }

  /** Requires the table to exist (tables without a snapshot, such as {@code wikis}). */
  public Readiness requireTable(String qualifiedName) {
    for (SourceTables table : SourceTables.values()) {
      if (table.qualifiedName().equals(qualifiedName)) {
        monthFilters.put(table, "true");
        if (!exists(table)) {
          missing.add(qualifiedName + " does not exist");
        }
        return this;
      }
    }
    throw new IllegalArgumentException("not a source table: " + qualifiedName);
  }

  /**
   * Requires pageview rows on every day of the month, or with {@code partial} at least one row in
   * the month.
   */
  public Readiness requirePageviews(boolean partial) {
    SourceTables table = SourceTables.PAGEVIEW_HOURLY;
    monthFilters.put(table, "year = " + month.year() + " AND month = " + month.monthNumber());
    if (!exists(table)) {
      missing.add(name(table) + " does not exist");
      return this;
    }
    Map<Integer, Set<Integer>> hoursByDay = pageviewPartitions();
    Set<Integer> days = hoursByDay != null ? hoursByDay.keySet() : pageviewDaysFromRows();
    if (partial) {
      if (days.isEmpty()) {
        missing.add(name(table) + " has no rows for " + month);
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
      missing.add(name(table) + " has no rows for " + month + " on day(s) " + compact(absent));
    } else if (hoursByDay != null) {
      warnAboutMissingHours(hoursByDay);
    }
    return this;
  }

  /**
   * Day → hours of the month's pageview partitions, from metadata; null when the table is not
   * partitioned by day (then the days come from its rows). Hours are empty when it is partitioned
   * by day but not by hour.
   */
  private Map<Integer, Set<Integer>> pageviewPartitions() {
    List<String> metadataTables =
        SourceBinding.metadataTables(session, SourceTables.PAGEVIEW_HOURLY);
    if (metadataTables == null || metadataTables.size() != 1) {
      return null;
    }
    String metadataTable = metadataTables.get(0);
    Map<String, String> spec = new LinkedHashMap<>();
    spec.put("year", String.valueOf(month.year()));
    spec.put("month", String.valueOf(month.monthNumber()));
    List<Map<String, String>> partitions = PartitionMetadata.matching(session, metadataTable, spec);
    if (partitions == null || partitions.stream().anyMatch(p -> !p.containsKey("day"))) {
      return null;
    }
    Map<Integer, Set<Integer>> hoursByDay = new TreeMap<>();
    for (Map<String, String> partition : partitions) {
      if (partition.get("day") == null) {
        continue;
      }
      Set<Integer> hours =
          hoursByDay.computeIfAbsent(Integer.parseInt(partition.get("day")), d -> new TreeSet<>());
      if (partition.get("hour") != null) {
        hours.add(Integer.parseInt(partition.get("hour")));
      }
    }
    return hoursByDay;
  }

  private Set<Integer> pageviewDaysFromRows() {
    Set<Integer> days = new TreeSet<>();
    for (Row row :
        session
            .sql("SELECT DISTINCT day FROM "
                + SourceBinding.relation(session, SourceTables.PAGEVIEW_HOURLY)
                + " WHERE year = " + month.year() + " AND month = " + month.monthNumber()
                + " AND day IS NOT NULL")
            .collectAsList()) {
      days.add(row.getInt(0));
    }
    return days;
  }

  /** One warning listing, per day whose hour partitions are incomplete, the missing hours. */
  private void warnAboutMissingHours(Map<Integer, Set<Integer>> hoursByDay) {
    List<String> incomplete = new ArrayList<>();
    hoursByDay.forEach((day, hours) -> {
      if (hours.isEmpty()) {
        return;
      }
      List<Integer> absent = new ArrayList<>();
      for (int hour = 0; hour < 24; hour++) {
        if (!hours.contains(hour)) {
          absent.add(hour);
        }
      }
      if (!absent.isEmpty()) {
        incomplete.add(day + " (" + compact(absent) + ")");
      }
    });
    if (!incomplete.isEmpty()) {
      String warning = name(SourceTables.PAGEVIEW_HOURLY) + ": " + month
          + " lacks hour partitions on " + incomplete.size() + " day(s), day (hours): "
          + String.join(", ", incomplete);
      LOG.warn(warning);
      warnings.add(warning);
    }
  }

  /** Throws one {@link InvalidInputException} naming everything missing, if anything is. */
  public void check(String stages) {
    if (!missing.isEmpty()) {
      throw new InvalidInputException("inputs not ready for " + month + " (stages " + stages
          + "): " + String.join("; ", missing));
    }
  }

  /** What the checks found worth a look without stopping the run, e.g. missing pageview hours. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * Rows of the month in every source table asked for so far (all rows for a table without a month,
   * such as {@code wikis}), by qualified name. For the run report, after {@link #check} passed: a
   * scheduler can compare them with the previous month's to catch a truncated source. Sources
   * bound by a sources file are not counted: counting would read partitions that no stage reads
   * (every wiki's month of revisions, for one), and on the data lake their owners track them.
   */
  public Map<String, Long> inputRowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    monthFilters.forEach((table, filter) -> {
      if (SourceBinding.bound(session, table) != null) {
        LOG.info("{} is bound to {}: its rows are not counted", table.qualifiedName(),
            SourceBinding.bound(session, table));
        return;
      }
      counts.put(table.qualifiedName(), session.sql("SELECT COUNT(*) FROM "
          + SourceBinding.relation(session, table) + " WHERE " + filter).first().getLong(0));
    });
    return counts;
  }

  private boolean exists(SourceTables table) {
    return session.catalog().tableExists(SourceBinding.relation(session, table));
  }

  /** The logical name, and the binding when the source is bound, for messages. */
  private String name(SourceTables table) {
    String bound = SourceBinding.bound(session, table);
    return bound == null || SourceBinding.isQuery(bound)
        ? table.qualifiedName()
        : table.qualifiedName() + " (" + bound + ")";
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
