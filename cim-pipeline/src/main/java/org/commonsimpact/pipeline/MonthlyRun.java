package org.commonsimpact.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.ReportWriter;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SourceBinding;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the selected stages for one month: the one sequence of the pipeline, used by {@code cim
 * run}, {@code cim backfill}, {@code cim demo}, {@code cim bench} and the tests.
 *
 * <p>It checks every stage's inputs first (one error naming all that is missing, before anything is
 * written) and counts their rows, then runs the stages in pipeline order, timing each, and writes
 * the run report, also when a stage fails. A {@link StepListener} hears each step's start and end.
 */
public final class MonthlyRun {
  /** The first step: the inputs of every selected stage checked and counted. */
  public static final String READINESS = "readiness";

  private static final Logger LOG = LoggerFactory.getLogger(MonthlyRun.class);

  private MonthlyRun() {}

  /**
   * Runs {@code stages} (in pipeline order, see {@link PipelineStages}) for {@code month}.
   *
   * @param reportFile where to write the run report (local or Hadoop path), or null for none
   * @return the run report; on failure it is written and the stage's exception is thrown
   */
  public static RunReport run(SparkSession session, Month month, RunOptions options,
      List<Stage> stages, String reportFile) {
    return run(session, month, options, stages, reportFile, StepListener.NONE);
  }

  /** As {@link #run(SparkSession, Month, RunOptions, List, String)}, telling {@code listener}. */
  public static RunReport run(SparkSession session, Month month, RunOptions options,
      List<Stage> stages, String reportFile, StepListener listener) {
    RunReport report = new RunReport(month);
    report.put("max_depth", options.maxDepth());
    report.put("stages", stages.stream().map(Stage::name).toList());
    report.put("spark_application_id", session.sparkContext().applicationId());
    report.put("partial_pageviews", options.partialPageviews());
    report.put("sources", SourceBinding.describe(session));
    if (options.partialPageviews()) {
      report.warn("--partial-pageviews: pageviews were only required to have rows in the month, "
          + "not on every day");
    }
    StageContext context = new StageContext(session, month, options, report);
    long start = System.nanoTime();
    String current = READINESS;
    try {
      listener.started(READINESS);
      long t0 = System.nanoTime();
      Readiness readiness = new Readiness(session, month);
      for (Stage stage : stages) {
        stage.requireInputs(context, readiness);
      }
      readiness.check(String.join(",", stages.stream().map(Stage::name).toList()));
      readiness.warnings().forEach(report::warn);
      report.put("input_row_counts", readiness.inputRowCounts());
      listener.finished(READINESS, (System.nanoTime() - t0) / 1e9);
      for (Stage stage : stages) {
        current = stage.name();
        listener.started(current);
        t0 = System.nanoTime();
        Progress.step(stage.name(), "start {}", month);
        stage.run(context);
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.stageSeconds(stage.name(), seconds);
        Progress.step(stage.name(), "done {} in {} s", month, String.format("%.1f", seconds));
        listener.finished(current, seconds);
      }
      warnAboutNotFound(report);
      report.put("status", "succeeded");
      report.put("exit_status", Failures.EXIT_OK);
    } catch (RuntimeException e) {
      report.put("status", "failed");
      report.put("failed_at", current);
      report.put("exit_status", Failures.exitStatus(e));
      report.put("error", Failures.oneLine(e));
      throw e;
    } finally {
      report.put("total_seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
      if (reportFile != null) {
        try {
          ReportWriter.write(reportFile, report.toJson(),
              session.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
          LOG.error("cannot write the run report to {}", reportFile, e);
        }
      }
    }
    return report;
  }

  /** Allow-list entries that matched no category are worth a look: one warning lists them. */
  private static void warnAboutNotFound(RunReport report) {
    Object notFound = report.get("allow_list_not_found");
    if (notFound instanceof List<?> titles && !titles.isEmpty()) {
      report.warn(titles.size() + " allow-list entr" + (titles.size() == 1 ? "y" : "ies")
          + " not found as a commonswiki category in " + report.get("month") + ": " + titles);
    }
  }
}
