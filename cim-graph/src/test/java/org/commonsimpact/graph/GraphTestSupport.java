package org.commonsimpact.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.StageContext;

/** Runs the graph stage in tests and reads its table back as {@code bin/cim sql} prints it. */
final class GraphTestSupport {
  static final String GRAPH_QUERY =
      "SELECT page_id, page_title, page_type, is_primary, depth, parent_categories, "
          + "primary_categories FROM commons.category_graph WHERE year_month = '%s'";

  private GraphTestSupport() {}

  static RunReport runGraph(SparkSession session, String month, Path allowList, int maxDepth) {
    Month m = Month.parse(month);
    RunReport report = new RunReport(m);
    new GraphStage().run(new StageContext(session, m,
        new RunOptions(allowList.toString(), maxDepth, null, false), report));
    return report;
  }

  static Path allowList(Path dir, String... lines) throws java.io.IOException {
    Path file = Files.createTempFile(dir, "allow", ".txt");
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static List<String> graphLines(SparkSession session, String month) {
    return SparkTestSupport.sortedTsvLines(session.sql(String.format(GRAPH_QUERY, month)));
  }
}
