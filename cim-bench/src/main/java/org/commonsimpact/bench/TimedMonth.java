package org.commonsimpact.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.pipeline.MonthlyRun;
import org.commonsimpact.pipeline.PipelineStages;
import org.commonsimpact.pipeline.StepListener;

/**
 * Runs the full month on one world in process with the pipeline's own runner ({@link MonthlyRun},
 * the sequence {@code cim run} runs: readiness of every stage's inputs, then graph, metrics, dumps
 * and serving), and times each step through its {@link StepListener} while sampling the driver
 * heap.
 */
final class TimedMonth {
  /**
   * What one run took.
   *
   * @param stepSeconds seconds per step: {@value MonthlyRun#READINESS}, then each stage in
   *     pipeline order
   * @param peakHeapBytes highest used heap seen during the run
   * @param report the run report the stages filled (row counts)
   */
  record Timing(Map<String, Double> stepSeconds, long peakHeapBytes, RunReport report) {
    /** Every step together: the time of {@code cim run} without JVM start-up. */
    double monthSeconds() {
      return stepSeconds.values().stream().mapToDouble(d -> d).sum();
    }
  }

  private TimedMonth() {}

  static Timing run(SparkSession session, Month month, RunOptions options) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    StepListener timer = new StepListener() {
      @Override
      public void finished(String step, double took) {
        seconds.put(step, took);
      }
    };
    try (HeapSampler heap = HeapSampler.start()) {
      RunReport report =
          MonthlyRun.run(session, month, options, PipelineStages.all(), null, timer);
      return new Timing(seconds, heap.peakBytes(), report);
    }
  }
}
