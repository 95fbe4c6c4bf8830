package org.commonsimpact.app;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.SourceBinding;
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

  @Option(names = "--sources", paramLabel = "FILE",
      description = "Where the source tables are read from: a Java properties file (local path "
          + "or Hadoop file system URI) of lines <logical table> = <table identifier> or "
          + "<logical table> = SELECT ... yielding the table's SPEC columns, e.g. "
          + "mediawiki_page = spark_catalog.wmf_raw.mediawiki_page. Tables it does not name stay "
          + "source.<table> of the warehouse. Also settable as the Spark property "
          + "spark.cim.sources. Every binding is checked before any stage runs "
          + "(config/sources-wmf.properties binds the Wikimedia data lake's tables).")
  String sources;

  @Option(names = "--partial-pageviews",
      description = "Require pageview rows somewhere in the month instead of on every day (for "
          + "small samples); recorded as a warning in the report.")
  boolean partialPageviews;

  /**
   * The session of the run: warehouse catalog {@code cim}, and the sources of {@code --sources}
   * (or the Spark property {@code spark.cim.sources}) checked and bound.
   */
  SparkSession openSession() {
    SparkSession session = CimSession.open(warehouse.warehouse);
    SourceBinding.applyConfigured(session, sources);
    return session;
  }

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
