package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunReport;
import org.junit.jupiter.api.Test;

/** The report's ratios on figures made up for the purpose, so that each can be checked by hand. */
class BenchReportTest {

  @Test
  void scalingComparesTheTwoLargestScalesAndTheLastLineGivesEveryRatio() {
    ScaleResult one = scale(1, 1_000, 10, 10, 20, 30, 40, 2);
    ScaleResult four = scale(4, 4_000, 10, 20, 60, 80, 100, 5);
    ScaleResult sixteen = scale(16, 16_000, 20, 60, 250, 330, 400, 20);
    BenchReport report = new BenchReport(List.of(one, four, sixteen), dumps(),
        new LoadAverage(0, 0, 0), new LoadAverage(0, 0, 0), Map.of());

    // month at 4 = 1 + 20 + 60 + 80 + 100 = 261 s; at 16 = 1 + 60 + 250 + 330 + 400 = 1041 s.
    assertEquals(4.0, report.rowsRatio(), 1e-12);
    assertEquals(1041.0 / 261 / 4, report.scaling(), 1e-12);
    assertEquals(1041.0 / 20, report.scanRatio(), 1e-12, "scan of the largest scale");
    assertEquals(60.0 / 20, report.graphScanRatio(), 1e-12);
    assertEquals(330.0 / 20, report.dumpsCompressionRatio(), 1e-12);
    assertEquals(List.of("readiness", "graph", "metrics", "dumps", "serving"),
        List.copyOf(report.shares().keySet()));
    assertEquals(250.0 / 1041, report.shares().get("metrics"), 1e-12);
    assertEquals("bench: scaling=1.00 scan_ratio=52.05 graph_scan=3.00 dumps_bzip2=16.50 "
        + "dumps_speedup=2.00 shares=readiness:0.00,graph:0.06,metrics:0.24,dumps:0.32,"
        + "serving:0.38", report.lastLine());
    List<String> lines = report.lines();
    assertEquals(report.lastLine(), lines.get(lines.size() - 1));
  }

  private static ScaleResult scale(double scale, long rows, double scan, double graph,
      double metrics, double dumps, double serving, double bzip2) {
    Map<String, Double> steps = new LinkedHashMap<>();
    steps.put("readiness", 1.0);
    steps.put("graph", graph);
    steps.put("metrics", metrics);
    steps.put("dumps", dumps);
    steps.put("serving", serving);
    WorldCache.World world =
        new WorldCache.World(Path.of("w"), null, Map.of("mediawiki_page", rows), 0, true);
    TimedMonth.Timing timing =
        new TimedMonth.Timing(steps, 1L << 30, new RunReport(Month.parse("2024-02")));
    return new ScaleResult(scale, world, scan, timing, new LoadAverage(1, 1, 1),
        new LoadAverage(1, 1, 1), new DumpCompression.Figures(100, 10, bzip2, 2),
        new CategoryPageviewsGrowth(300, 200, 100, 7));
  }

  private static DumpsFigures dumps() {
    return new DumpsFigures(10, 2, 2, 0, 0, 100, 10, 1, 100, 10, 0, 0,
        List.of(new DumpsFigures.Round(4, 1, 2, 2)), true, "x", true);
  }
}
