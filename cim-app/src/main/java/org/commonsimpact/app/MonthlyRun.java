package org.commonsimpact.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the selected stages for one month: checks every stage's inputs first (one error naming all
 * that is missing, before anything is written), then runs the stages in pipeline order, timing
 * each, and writes the run report, also when a stage fails.
 */
final class MonthlyRun {
  private static final Logger LOG = LoggerFactory.getLogger(MonthlyRun.class);

  private MonthlyRun() {}

  static RunReport run(SparkSession session, Month month, RunOptions options, List<Stage> stages,
      Path reportFile) {
    RunReport report = new RunReport(month);
    report.put("max_depth", options.maxDepth());
    report.put("stages", stages.stream().map(Stage::name).toList());
    report.put("spark_application_id", session.sparkContext().applicationId());
    report.put("partial_pageviews", options.partialPageviews());
    if (options.partialPageviews()) {
      report.warn("--partial-pageviews: pageviews were only required to have rows in the month, "
          + "not on every day");
    }
    StageContext context = new StageContext(session, month, options, report);
    long start = System.nanoTime();
    try {
      Readiness readiness = new Readiness(session, month);
      for (Stage stage : stages) {
        stage.requireInputs(context, readiness);
      }
      readiness.check(String.join(",", stages.stream().map(Stage::name).toList()));
      for (Stage stage : stages) {
        long t0 = System.nanoTime();
        Progress.step(stage.name(), "start {}", month);
        stage.run(context);
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.stageSeconds(stage.name(), seconds);
        Progress.step(stage.name(), "done {} in {} s", month, String.format("%.1f", seconds));
      }
      report.put("status", "succeeded");
    } catch (RuntimeException e) {
      report.put("status", "failed");
      report.put("error", Cim.oneLine(e));
      throw e;
    } finally {
      report.put("total_seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
      if (reportFile != null) {
        try {
          report.writeTo(reportFile);
        } catch (IOException e) {
          LOG.error("cannot write the run report to {}", reportFile, e);
        }
      }
    }
    return report;
  }
}
