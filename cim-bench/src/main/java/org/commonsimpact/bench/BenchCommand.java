package org.commonsimpact.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.Tables;
import org.commonsimpact.dumps.DumpLayout;
import org.commonsimpact.dumps.DumpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cim bench}: the scale benchmark of issue 9. For each scale it generates (or reuses) a
 * synthetic world, times one full read of its source tables, runs the full month in this JVM and
 * times each stage; then it runs the dumps benchmark, and reports the figures and three ratios.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure how the pipeline's cost grows with the size of its input.",
      "",
      "For each scale (smallest first) the benchmark generates a synthetic Commons-shaped world "
          + "as `cim generate` does, or reuses the one a previous benchmark left in the work "
          + "folder; times one full read of the nine source tables; and runs the full month "
          + "in this JVM as `cim run` does (readiness check, graph, metrics, dumps, serving), "
          + "timing every step and sampling the driver heap. Before the first scale an untimed warm-up month runs "
          + "on a tiny world, so that start-up costs do not flatter the larger scale. Last, it "
          + "runs the dumps benchmark (`cim bench-dumps`).",
      "",
      "It prints per scale the seconds and source rows per second of the scan and of each step, "
          + "the peak driver heap and the load averages, the time bzip2 alone takes to compress "
          + "the month's dump text on all cores (its text is first decompressed from the dumps the "
          + "month wrote, untimed), and the rows of commons_pageviews_per_category_monthly against "
          + "a primaries-only variant; then these ratios, measured in this run:",
      "  scaling      (month time at the largest scale / at the next largest) / (rows ratio);",
      "               1 is linear, above 1 superlinear",
      "  scan_ratio   month time / one full read of the sources, at the largest scale",
      "  graph_scan   graph stage time / one full read of the sources, at the largest scale",
      "  dumps_bzip2  dumps stage time / bzip2 alone on its text, at the largest scale",
      "  dumps_speedup  single-stream / parallel bzip2 time of the dumps benchmark",
      "  shares       each step's share of the month, at the largest scale",
      "The last line is `bench: scaling=X scan_ratio=Y graph_scan=G dumps_bzip2=B "
          + "dumps_speedup=Z shares=step:S,...`. With --out, every figure is also written as JSON.",
      "",
      "Timings depend on the machine and its load: compare figures taken on an idle machine, and "
          + "read the load averages printed beside them."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--scales", split = ",", splitSynopsisLabel = ",", defaultValue = "1,4",
      paramLabel = "N",
      description = "Scales to measure, at least two (default: ${DEFAULT-VALUE}); scale 1 is about "
          + "1 million source rows.")
  List<Double> scales;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Also write every figure as JSON to FILE.")
  Path out;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Folder of the worlds, kept between runs so that they can be reused "
          + "(default: cim-bench under the temporary folder).")
  Path workDir;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Seed of the worlds (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--month", defaultValue = "2024-02", paramLabel = "YYYY-MM",
      description = "Month of the worlds and of the runs (default: ${DEFAULT-VALUE}).")
  String month;

  @Option(names = "--mega-category",
      description = "Add the skewed mega-category to every world (see `cim generate --help`).")
  boolean megaCategory;

  @Option(names = "--regenerate",
      description = "Generate every world afresh even when the work folder holds it.")
  boolean regenerate;

  @Option(names = "--warm-up-scale", defaultValue = "0.01", paramLabel = "N",
      description = "Scale of the untimed warm-up world; 0 skips the warm-up "
          + "(default: ${DEFAULT-VALUE}).")
  double warmUpScale;

  @Option(names = "--dumps-rows", defaultValue = "2000000", paramLabel = "N",
      description = "Rows of the dumps benchmark's table (default: ${DEFAULT-VALUE}).")
  long dumpsRows;

  @Override
  public Integer call() throws Exception {
    List<Double> sorted = validScales();
    if (warmUpScale < 0 || dumpsRows < 1) {
      throw new InvalidInputException("--warm-up-scale must be 0 or more and --dumps-rows "
          + "positive");
    }
    Month parsedMonth = Month.parse(month);
    Path dir = workDir != null ? workDir
        : Path.of(System.getProperty("java.io.tmpdir"), "cim-bench");
    WorldCache worlds = new WorldCache(dir.toAbsolutePath(), regenerate);
    LoadAverage loadAtStart = LoadAverage.now();

    if (warmUpScale > 0) {
      Progress.step("bench", "warm-up month at scale {} (not timed)", warmUpScale);
      measure(worlds, new WorldPlan(warmUpScale, seed, parsedMonth, megaCategory));
    }
    List<ScaleResult> results = new ArrayList<>();
    for (double scale : sorted) {
      ScaleResult result = measure(worlds, new WorldPlan(scale, seed, parsedMonth, megaCategory));
      Progress.step("bench", "scale {}: month {} s, scan {} s", scale,
          String.format("%.1f", result.monthSeconds()), String.format("%.1f", result.scanSeconds()));
      results.add(result);
    }
    Progress.step("bench", "dumps benchmark on {} rows", dumpsRows);
    DumpsFigures dumps = new DumpsBenchmark(dumpsRows).run().requirePassed();

    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("scales", sorted);
    settings.put("seed", seed);
    settings.put("month", parsedMonth.toString());
    settings.put("mega_category", megaCategory);
    settings.put("warm_up_scale", warmUpScale);
    settings.put("dumps_rows", dumpsRows);
    settings.put("work_dir", dir.toAbsolutePath().toString());
    BenchReport report = new BenchReport(results, dumps, loadAtStart, LoadAverage.now(), settings);
    if (out != null) {
      report.writeJson(out);
    }
    report.lines().forEach(System.out::println);
    System.out.flush();
    return 0;
  }

  /** The scales, distinct and ascending; fewer than two, or one not positive, is invalid input. */
  List<Double> validScales() {
    TreeSet<Double> distinct = new TreeSet<>(scales);
    if (distinct.size() < 2 || distinct.first() <= 0) {
      throw new InvalidInputException("--scales needs at least two distinct positive scales, "
          + "got " + scales);
    }
    return new ArrayList<>(distinct);
  }

  /** One scale: the world, a full read of its sources, then the month, with the load around. */
  private ScaleResult measure(WorldCache worlds, WorldPlan plan) {
    WorldCache.World world = worlds.get(plan);
    LoadAverage before = LoadAverage.now();
    System.gc();
    double scan = SourceScan.seconds(world.session());
    System.gc();
    RunOptions options = new RunOptions(world.allowList().toString(),
        RunOptions.DEFAULT_MAX_DEPTH, world.dumpsRoot().toString(), false);
    TimedMonth.Timing timing = TimedMonth.run(world.session(), plan.month, options);
    LoadAverage after = LoadAverage.now();
    CategoryPageviewsGrowth growth = CategoryPageviewsGrowth.of(world.session(), plan.month);
    Progress.step("bench", "bzip2 alone on the month's dumps (scale {})", plan.scale);
    Path monthDumps = world.dumpsRoot().resolve(plan.month.toString());
    List<Path> dumps = new ArrayList<>();
    for (String table : Tables.BASE_TABLES) {
      dumps.add(monthDumps.resolve(DumpLayout.fileName(table, plan.month)));
    }
    DumpCompression.Figures compression = DumpCompression.measure(dumps,
        world.dir().resolve("compression-scratch"), DumpSettings.DEFAULT_STREAM_BYTES,
        Runtime.getRuntime().availableProcessors());
    return new ScaleResult(plan.scale, world, scan, timing, before, after, compression, growth);
  }

  /**
   * Runs the command alone (for instance under {@code spark-submit} with the cim-bench jar);
   * {@code cim bench} is the usual entry point.
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
