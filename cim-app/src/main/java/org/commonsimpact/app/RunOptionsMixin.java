package org.commonsimpact.app;

import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code cim run} that {@code cim backfill} shares. */
final class RunOptionsMixin {
  @Option(names = "--allow-list", paramLabel = "FILE",
      description = "The allow-list of primary categories: a local path, an hdfs:// (or other "
          + "Hadoop file system) URI, or an http(s) URL. Needed by the graph stage.")
  String allowList;

  @Mixin WarehouseOption warehouse;

  @Option(names = "--dumps-root", paramLabel = "DIR",
      description = "Folder the dumps are written under, as <DIR>/<YYYY-MM>/<table>_<YYYY-MM>"
          + ".tsv.bz2. Needed by the dumps stage.")
  String dumpsRoot;

  @Option(names = "--max-depth", paramLabel = "D", defaultValue = "7",
      description = "Depth bound of the category graph (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(names = "--stages", split = ",", paramLabel = "STAGE",
      description = "Comma-separated stages to run, in pipeline order whatever the order given "
          + "(default: all). Stages: graph, metrics, dumps, serving.")
  List<String> stages;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write the run report (JSON) to FILE, also when the run fails: a local path "
          + "or an hdfs:// (or other Hadoop file system) URI.")
  String report;

  @Option(names = "--partial-pageviews",
      description = "Require pageview rows somewhere in the month instead of on every day (for "
          + "small samples); recorded as a warning in the report.")
  boolean partialPageviews;

  RunOptions toRunOptions(List<String> stageNames) {
    if (maxDepth < 0) {
      throw new InvalidInputException("invalid --max-depth " + maxDepth + ": must be 0 or more");
    }
    if (stageNames.contains("graph") && allowList == null) {
      throw new InvalidInputException("--allow-list is required when the graph stage runs");
    }
    if (stageNames.contains("dumps") && dumpsRoot == null) {
      throw new InvalidInputException("--dumps-root is required when the dumps stage runs");
    }
    return new RunOptions(allowList, maxDepth, dumpsRoot, partialPageviews);
  }
}
