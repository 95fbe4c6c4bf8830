package org.commonsimpact.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.dumps.DumpStage;
import org.commonsimpact.graph.GraphStage;
import org.commonsimpact.metrics.MetricsStage;
import org.commonsimpact.serving.ServingStage;

/**
 * Runs the full month on one world, in process, the way {@code cim run} does (readiness check of
 * every stage's inputs, then graph, metrics, dumps and serving in order), and times each step while
 * sampling the driver heap. It lives here rather than reusing the command line's runner because the
 * benchmark needs the step timings and the heap, and the command line depends on this module.
 */
final class MonthRunner {
  /** The stages of a full month, in pipeline order. */
  static List<Stage> stages() {
    return List.of(new GraphStage(), new MetricsStage(), new DumpStage(), new ServingStage());
  }

  /**
   * What one run took.
   *
   * @param readinessSeconds the input check before any stage
   * @param stageSeconds seconds per stage, in pipeline order
   * @param peakHeapBytes highest used heap seen during the run
   * @param report the run report the stages filled (row counts)
   */
  record Timing(double readinessSeconds, Map<String, Double> stageSeconds, long peakHeapBytes,
      RunReport report) {
    /** Readiness plus every stage: the time of {@code cim run} without JVM start-up. */
    double monthSeconds() {
      return readinessSeconds + stageSeconds.values().stream().mapToDouble(d -> d).sum();
    }
  }

  private MonthRunner() {}

  static Timing run(SparkSession session, Month month, RunOptions options) {
    RunReport report = new RunReport(month);
    StageContext context = new StageContext(session, month, options, report);
    List<Stage> stages = stages();
    Map<String, Double> seconds = new LinkedHashMap<>();
    try (HeapSampler heap = HeapSampler.start()) {
      long t0 = System.nanoTime();
      Readiness readiness = new Readiness(session, month);
      for (Stage stage : stages) {
        stage.requireInputs(context, readiness);
      }
      readiness.check(String.join(",", stages.stream().map(Stage::name).toList()));
      double readinessSeconds = (System.nanoTime() - t0) / 1e9;
      for (Stage stage : stages) {
        long start = System.nanoTime();
        stage.run(context);
        double took = (System.nanoTime() - start) / 1e9;
        seconds.put(stage.name(), took);
        Progress.step("bench", "{} done in {} s", stage.name(), String.format("%.1f", took));
      }
      return new Timing(readinessSeconds, seconds, heap.peakBytes(), report);
    }
  }
}
