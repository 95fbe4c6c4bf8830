package org.commonsimpact.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale benchmark's figures and the ratios it exists for, as text for people and as JSON for
 * tools.
 *
 * <ul>
 *   <li><b>scaling</b> = (month time at the largest scale / at the next largest) / (their source
 *       rows ratio): 1 is linear, above 1 superlinear. The two largest scales are compared because
 *       fixed per-job costs weigh on the smallest one;
 *   <li><b>scan ratio</b> = month time / one full read of the nine source tables, at the largest
 *       scale; <b>graph/scan</b> the same for the graph stage alone;
 *   <li><b>dumps/bzip2</b> = dumps stage time / bzip2 alone on the same text and cores, at the
 *       largest scale;
 *   <li><b>dumps speed-up</b> = the dumps benchmark's best single-stream / best parallel time;
 *   <li><b>shares</b>: each step's part of the month, at the largest scale.
 * </ul>
 *
 * The last text line is {@code bench: scaling=X scan_ratio=Y graph_scan=G dumps_bzip2=B
 * dumps_speedup=Z shares=step:S,...}, two decimals each.
 */
final class BenchReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final double GIB = 1024.0 * 1024 * 1024;

  private final List<ScaleResult> scales;
  private final DumpsFigures dumps;
  private final LoadAverage loadAtStart;
  private final LoadAverage loadAtEnd;
  private final Map<String, Object> settings;

  /**
   * @param scales results in ascending scale order, at least two
   * @param settings what was asked (month, seed...), copied to the JSON as is
   */
  BenchReport(List<ScaleResult> scales, DumpsFigures dumps, LoadAverage loadAtStart,
      LoadAverage loadAtEnd, Map<String, Object> settings) {
    if (scales.size() < 2) {
      throw new IllegalArgumentException("the benchmark needs two scales");
    }
    this.scales = List.copyOf(scales);
    this.dumps = dumps;
    this.loadAtStart = loadAtStart;
    this.loadAtEnd = loadAtEnd;
    this.settings = settings;
  }

  /** The scale the largest is compared with: the next largest. */
  private ScaleResult smallest() {
    return scales.get(scales.size() - 2);
  }

  private ScaleResult largest() {
    return scales.get(scales.size() - 1);
  }

  double rowsRatio() {
    return (double) largest().rows() / smallest().rows();
  }

  double timeRatio() {
    return largest().monthSeconds() / smallest().monthSeconds();
  }

  double scaling() {
    return timeRatio() / rowsRatio();
  }

  double scanRatio() {
    return largest().scanRatio();
  }

  double graphScanRatio() {
    return largest().graphScanRatio();
  }

  double dumpsCompressionRatio() {
    return largest().dumpsCompressionRatio();
  }

  double dumpsSpeedup() {
    return dumps.speedup();
  }

  /** Each step's share of the month at the largest scale, in pipeline order. */
  Map<String, Double> shares() {
    Map<String, Double> shares = new LinkedHashMap<>();
    largest().stepSeconds().forEach((step, seconds) ->
        shares.put(step, seconds / largest().monthSeconds()));
    return shares;
  }

  /** The summary line the benchmark ends with. */
  String lastLine() {
    StringBuilder shares = new StringBuilder();
    shares().forEach((step, share) -> shares.append(shares.length() > 0 ? "," : "")
        .append(step).append(':').append(String.format(Locale.ROOT, "%.2f", share)));
    return String.format(Locale.ROOT, "bench: scaling=%.2f scan_ratio=%.2f graph_scan=%.2f "
            + "dumps_bzip2=%.2f dumps_speedup=%.2f shares=%s", scaling(), scanRatio(),
        graphScanRatio(), dumpsCompressionRatio(), dumpsSpeedup(), shares);
  }

  /** The figures as text; the last line is {@link #lastLine()}. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "bench: %d cores, max driver heap %.1f GiB, load average "
            + "(1/5/15 min) %s at start, %s at end", Runtime.getRuntime().availableProcessors(),
        HeapSampler.maxBytes() / GIB, loadAtStart, loadAtEnd));
    for (ScaleResult s : scales) {
      lines.add(String.format(Locale.ROOT, "bench: scale %s: %,d source rows (%s), load %s "
              + "before, %s after", plain(s.scale()), s.rows(), s.world().reused() ? "reused world"
              : String.format(Locale.ROOT, "generated in %.1f s", s.world().generateSeconds()),
          s.loadBefore(), s.loadAfter()));
      lines.add(step("scan of the 9 source tables", s.scanSeconds(), s));
      s.stepSeconds().forEach((step, seconds) -> lines.add(step(step, seconds, s)));
      lines.add(step("month", s.monthSeconds(), s) + String.format(Locale.ROOT,
          "   peak heap %.2f GiB   scan ratio %.2f   graph/scan %.2f",
          s.timing().peakHeapBytes() / GIB, s.scanRatio(), s.graphScanRatio()));
      DumpCompression.Figures c = s.compression();
      lines.add(String.format(Locale.ROOT, "  %-28s %9.2f s   %,d bytes of text -> %,d bytes on %d "
              + "threads; dumps stage / bzip2 alone = %.2f", "bzip2 alone on the dumps",
          c.seconds(), c.textBytes(), c.compressedBytes(), c.threads(),
          s.dumpsCompressionRatio()));
      CategoryPageviewsGrowth g = s.growth();
      lines.add(String.format(Locale.ROOT, "  pageviews_per_category_monthly: %,d rows (%,d deep) "
              + "over %,d categories; primaries only: %,d rows (x%.2f)", g.rows(), g.deepRows(),
          g.categories(), g.primaryRows(), g.ratioToPrimariesOnly()));
    }
    dumps.lines().forEach(line -> lines.add("bench: | " + line));
    lines.add(String.format(Locale.ROOT, "bench: scale %s -> %s: rows x%.3f, month time x%.3f "
            + "(%.1f s -> %.1f s)", plain(smallest().scale()), plain(largest().scale()),
        rowsRatio(), timeRatio(), smallest().monthSeconds(), largest().monthSeconds()));
    lines.add(lastLine());
    return lines;
  }

  private static String step(String name, double seconds, ScaleResult s) {
    return String.format(Locale.ROOT, "  %-28s %9.2f s %,12.0f rows/s", name, seconds,
        s.rowsPerSecond(seconds));
  }

  private static String plain(double scale) {
    return new java.math.BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
  }

  /** Every figure as a JSON object. */
  ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_bytes", HeapSampler.maxBytes());
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.set("load_average_at_start", load(loadAtStart));
    machine.set("load_average_at_end", load(loadAtEnd));
    ObjectNode asked = root.putObject("settings");
    settings.forEach((k, v) -> asked.set(k, JSON.valueToTree(v)));
    ArrayNode array = root.putArray("scales");
    for (ScaleResult s : scales) {
      ObjectNode node = array.addObject();
      node.put("scale", s.scale());
      node.put("world", s.world().dir().toString());
      node.put("world_reused", s.world().reused());
      node.put("generate_seconds", s.world().generateSeconds());
      node.put("source_rows", s.rows());
      ObjectNode rows = node.putObject("source_rows_per_table");
      s.world().rows().forEach(rows::put);
      node.put("scan_seconds", s.scanSeconds());
      ObjectNode steps = node.putObject("step_seconds");
      s.stepSeconds().forEach(steps::put);
      ObjectNode rates = node.putObject("rows_per_second");
      rates.put("scan", s.rowsPerSecond(s.scanSeconds()));
      s.stepSeconds().forEach((k, v) -> rates.put(k, s.rowsPerSecond(v)));
      rates.put("month", s.rowsPerSecond(s.monthSeconds()));
      node.put("month_seconds", s.monthSeconds());
      node.put("scan_ratio", s.scanRatio());
      node.put("graph_scan_ratio", s.graphScanRatio());
      node.put("peak_heap_bytes", s.timing().peakHeapBytes());
      ObjectNode compression = node.putObject("bzip2_alone");
      compression.put("text_bytes", s.compression().textBytes());
      compression.put("compressed_bytes", s.compression().compressedBytes());
      compression.put("seconds", s.compression().seconds());
      compression.put("threads", s.compression().threads());
      node.put("dumps_bzip2_ratio", s.dumpsCompressionRatio());
      ObjectNode growth = node.putObject("pageviews_per_category_monthly");
      growth.put("rows", s.growth().rows());
      growth.put("deep_rows", s.growth().deepRows());
      growth.put("categories", s.growth().categories());
      growth.put("primaries_only_rows", s.growth().primaryRows());
      node.set("load_average_before", load(s.loadBefore()));
      node.set("load_average_after", load(s.loadAfter()));
      for (String field : List.of("graph_row_counts", "row_counts", "serving_row_counts")) {
        Object value = s.timing().report().get(field);
        if (value != null) {
          node.set(field, JSON.valueToTree(value));
        }
      }
    }
    ObjectNode dumpsNode = root.putObject("dumps_benchmark");
    dumpsNode.put("speedup", dumps.speedup());
    ArrayNode output = dumpsNode.putArray("output");
    dumps.lines().forEach(output::add);
    root.put("rows_ratio", rowsRatio());
    root.put("time_ratio", timeRatio());
    root.put("scaling", scaling());
    root.put("scan_ratio", scanRatio());
    root.put("graph_scan_ratio", graphScanRatio());
    root.put("dumps_bzip2_ratio", dumpsCompressionRatio());
    root.put("dumps_speedup", dumpsSpeedup());
    ObjectNode shareNode = root.putObject("shares");
    shares().forEach(shareNode::put);
    return root;
  }

  private static ArrayNode load(LoadAverage load) {
    ArrayNode node = JSON.createArrayNode();
    node.add(load.one()).add(load.five()).add(load.fifteen());
    return node;
  }

  void writeJson(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Files.writeString(absolute, JSON.writeValueAsString(json()) + "\n");
  }
}
