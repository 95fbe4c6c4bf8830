package org.commonsimpact.bench;

import java.util.Map;

/**
 * The figures of one scale of the benchmark: the world, the time of one full read of its source
 * tables, the month's run, and the machine's load just before and just after.
 *
 * @param scale the world's scale
 * @param world the world that ran
 * @param scanSeconds one full read of the nine source tables
 * @param timing the month's run
 * @param loadBefore load averages before the scan
 * @param loadAfter load averages after the month
 * @param compression bzip2 alone on the month's dump text, on all cores
 * @param growth the size of {@code commons_pageviews_per_category_monthly} against a
 *     primaries-only variant
 */
record ScaleResult(double scale, WorldCache.World world, double scanSeconds,
    TimedMonth.Timing timing, LoadAverage loadBefore, LoadAverage loadAfter,
    DumpCompression.Figures compression, CategoryPageviewsGrowth growth) {

  long rows() {
    return world.totalRows();
  }

  double monthSeconds() {
    return timing.monthSeconds();
  }

  /** The month's time in units of one full read of the sources. */
  double scanRatio() {
    return monthSeconds() / scanSeconds;
  }

  /** The graph stage's time in units of one full read of the sources. */
  double graphScanRatio() {
    return stepSeconds().getOrDefault("graph", 0.0) / scanSeconds;
  }

  /** The dumps stage's time in units of bzip2 alone on the same text and cores. */
  double dumpsCompressionRatio() {
    return stepSeconds().getOrDefault("dumps", 0.0) / compression.seconds();
  }

  /** Seconds of each step: readiness, then every stage, in pipeline order. */
  Map<String, Double> stepSeconds() {
    return timing.stepSeconds();
  }

  /** Source rows per second of a step's time. */
  double rowsPerSecond(double seconds) {
    return seconds > 0 ? rows() / seconds : 0;
  }
}
