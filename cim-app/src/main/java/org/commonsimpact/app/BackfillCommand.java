package org.commonsimpact.app;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.Stage;
import org.commonsimpact.pipeline.MonthlyRun;
import org.commonsimpact.pipeline.PipelineStages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cim backfill}: a range of months, one after the other. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline for every month from --from to --to (both included), in order, with the "
          + "options of `cim run`. Stops at the first month that fails, naming it; the months "
          + "before it stay published.",
      "",
      "With --report FILE, each month's report goes to FILE with {month} replaced by the month, "
          + "or, without {month} in FILE, to FILE with -YYYY-MM inserted before its extension."
    })
final class BackfillCommand implements Runnable {
  @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month.")
  String to;

  @Mixin RunOptionsMixin options;

  @Override
  public void run() {
    List<Month> months = Month.range(Month.parse(from), Month.parse(to));
    List<Stage> stages = PipelineStages.select(options.stages);
    RunOptions runOptions = options.toRunOptions(stages.stream().map(Stage::name).toList());
    SparkSession session = options.openSession();
    for (Month month : months) {
      Progress.step("backfill", "month {} ({} of {})", month, months.indexOf(month) + 1,
          months.size());
      try {
        MonthlyRun.run(session, month, runOptions, PipelineStages.select(options.stages),
            reportFor(options.report, month));
      } catch (RuntimeException e) {
        throw new BackfillFailure(month, e);
      }
    }
  }

  static String reportFor(String report, Month month) {
    if (report == null) {
      return null;
    }
    if (report.contains("{month}")) {
      return report.replace("{month}", month.toString());
    }
    int slash = report.lastIndexOf('/');
    int dot = report.lastIndexOf('.');
    return dot > slash + 1
        ? report.substring(0, dot) + "-" + month + report.substring(dot)
        : report + "-" + month;
  }

  /** A month of a back-fill failed; the message names it, the cause keeps the exit status. */
  static final class BackfillFailure extends RuntimeException {
    BackfillFailure(Month month, RuntimeException cause) {
      super("backfill stopped at " + month + ": " + Cim.oneLine(cause), cause);
    }
  }
}
