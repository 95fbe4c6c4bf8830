package org.commonsimpact.app;

import java.util.List;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.Stage;
import org.commonsimpact.pipeline.MonthlyRun;
import org.commonsimpact.pipeline.PipelineStages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cim run}: one month, end to end or selected stages. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline for one month: graph -> metrics -> dumps -> serving, or the stages named "
          + "by --stages.",
      "",
      "Before anything is written, every selected stage checks that its source tables hold the "
          + "month (rows at snapshot = month; pageviews on every day of the month); what is "
          + "missing is named in one error (exit 2). Each stage replaces only the month's rows "
          + "and files, in one commit per table, so re-running a month is safe.",
      ""
    })
final class RunCommand implements Runnable {
  @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
      description = "The month to compute.")
  String month;

  @Mixin RunOptionsMixin options;

  @Override
  public void run() {
    Month parsed = Month.parse(month);
    List<Stage> stages = PipelineStages.select(options.stages);
    RunOptions runOptions = options.toRunOptions(stages.stream().map(Stage::name).toList());
    MonthlyRun.run(options.openSession(), parsed, runOptions, stages,
        options.report);
  }
}
