package org.commonsimpact.bench;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What {@link WorldGenerator#generate} wrote: rows and seconds per source table, total time, and
 * the allow-list (how many entries, which of them are not found). The benchmark uses it to relate
 * pipeline time to input size.
 */
public final class WorldSummary {
  private final WorldPlan plan;
  private final Map<String, Long> rows;
  private final Map<String, Double> seconds;
  private final double totalSeconds;
  private final Path allowList;
  private final int allowListEntries;
  private final List<String> notFound;

  WorldSummary(WorldPlan plan, Map<String, Long> rows, Map<String, Double> seconds,
      double totalSeconds, Path allowList, int allowListEntries, List<String> notFound) {
    this.plan = plan;
    this.rows = Collections.unmodifiableMap(rows);
    this.seconds = Collections.unmodifiableMap(seconds);
    this.totalSeconds = totalSeconds;
    this.allowList = allowList;
    this.allowListEntries = allowListEntries;
    this.notFound = List.copyOf(notFound);
  }

  public WorldPlan plan() {
    return plan;
  }

  /** Rows per table (unqualified name), in writing order. */
  public Map<String, Long> rows() {
    return rows;
  }

  /** Seconds spent writing each table. */
  public Map<String, Double> seconds() {
    return seconds;
  }

  public double totalSeconds() {
    return totalSeconds;
  }

  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  public Path allowList() {
    return allowList;
  }

  public int allowListEntries() {
    return allowListEntries;
  }

  /** Normalized allow-list titles that are not category pages, in file order. */
  public List<String> notFound() {
    return notFound;
  }

  /** Human-readable lines: one per table, then the total. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("generate: " + plan);
    rows.forEach((table, count) -> lines.add(String.format("generate: %-24s %,12d rows %7.1f s",
        table, count, seconds.get(table))));
    lines.add(String.format("generate: %-24s %,12d rows %7.1f s", "total", totalRows(),
        totalSeconds));
    lines.add("generate: allow-list " + allowList + " (" + allowListEntries + " entries, "
        + notFound.size() + " not found)");
    return lines;
  }
}
