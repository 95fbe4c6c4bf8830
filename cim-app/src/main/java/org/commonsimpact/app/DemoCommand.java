package org.commonsimpact.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.TsvSourceImporter;
import org.commonsimpact.pipeline.MonthlyRun;
import org.commonsimpact.pipeline.PipelineStages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cim demo}: the bundled sample world, imported and run end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Import the bundled sample world (fixtures/golden-small: a few museums, cycles, a chain "
          + "deeper than 7, views on English and French Wikipedia) and run month 2024-02 end to "
          + "end in local mode. Prints where the tables, dumps and report are."
    })
final class DemoCommand implements Runnable {
  private static final String MONTH = "2024-02";

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the demo's warehouse, dumps and report (default: demo/ in the "
          + "project folder).")
  Path out;

  @Override
  public void run() {
    Path home = Paths.get(System.getProperty("cim.home", "."));
    Path world = home.resolve("fixtures/golden-small");
    if (!Files.isDirectory(world.resolve("input"))) {
      throw new InvalidInputException("sample world not found at " + world.toAbsolutePath()
          + " (run bin/cim from the project checkout)");
    }
    Path dir = (out != null ? out : home.resolve("demo")).toAbsolutePath();
    Path warehouse = dir.resolve("warehouse");
    Path dumps = dir.resolve("dumps");
    Path report = dir.resolve("report-" + MONTH + ".json");
    SparkSession session = CimSession.open(warehouse.toString());
    new TsvSourceImporter(session).importAll(world.resolve("input"));
    List<Stage> stages = PipelineStages.all();
    RunOptions options = new RunOptions(world.resolve("allow_list.txt").toString(),
        RunOptions.DEFAULT_MAX_DEPTH, dumps.toString(), false);
    MonthlyRun.run(session, Month.parse(MONTH), options, stages, report.toString());
    System.out.println("demo: month " + MONTH + " computed on the sample world");
    System.out.println("  warehouse: " + warehouse);
    System.out.println("  dumps:     " + dumps.resolve(MONTH));
    System.out.println("  report:    " + report);
    System.out.println("  try:       bin/cim sql --warehouse " + warehouse
        + " \"SELECT * FROM commons.category_graph\"");
  }
}
