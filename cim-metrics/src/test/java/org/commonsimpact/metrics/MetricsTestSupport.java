package org.commonsimpact.metrics;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.graph.GraphStage;

/** Runs graph and metrics in tests and reads base tables back as {@code bin/cim sql} prints them. */
final class MetricsTestSupport {
  private MetricsTestSupport() {}

  static RunReport runGraphAndMetrics(SparkSession session, String month, Path allowList,
      boolean partialPageviews) {
    Month m = Month.parse(month);
    RunReport report = new RunReport(m);
    StageContext context = new StageContext(session, m,
        new RunOptions(allowList.toString(), 7, null, partialPageviews), report);
    new GraphStage().run(context);
    new MetricsStage().run(context);
    return report;
  }

  static List<String> table(SparkSession session, String table) {
    return SparkTestSupport.sortedTsvLines(session.sql("SELECT * FROM commons." + table));
  }
}
