package org.commonsimpact.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;
import org.commonsimpact.tables.ServingTable;

/** Running the stage and reading its tables back in tests. */
final class ServingTestSupport {
  private ServingTestSupport() {}

  /** Runs the serving stage for {@code month}; returns its run report. */
  static RunReport runStage(SparkSession session, Month month) {
    RunReport report = new RunReport(month);
    new ServingStage().run(new StageContext(session, month,
        new RunOptions(null, RunOptions.DEFAULT_MAX_DEPTH, null, false), report));
    return report;
  }

  /** One month's rows of a serving table as sorted TSV lines. */
  static List<String> monthLines(SparkSession session, String table, Month month) {
    return SparkTestSupport.sortedTsvLines(session.sql("SELECT * FROM " + Tables.serving(table)
        + " WHERE " + ServingTable.named(table).monthPredicate(month)));
  }

  /** Every table's month, table by table. */
  static Map<String, List<String>> allMonthLines(SparkSession session, Month month) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String table : Tables.SERVING_TABLES) {
      tables.put(table, monthLines(session, table, month));
    }
    return tables;
  }

  /** Asserts that every serving table's month equals the oracle's answer for the world. */
  static void assertMatchesOracle(SparkSession session, ServingWorld world) {
    Map<String, List<String>> expected = new ServingOracle(world).tables();
    Map<String, List<String>> actual = allMonthLines(session, world.month);
    List<String> differing = new ArrayList<>();
    for (String table : Tables.SERVING_TABLES) {
      if (!expected.get(table).equals(actual.get(table))) {
        differing.add(table);
      }
    }
    for (String table : differing) {
      assertEquals(String.join("\n", expected.get(table)), String.join("\n", actual.get(table)),
          table + " differs from the oracle");
    }
  }

  /** Lines of a TSV list whose first fields equal the given values. */
  static List<String> withPrefix(List<String> lines, String... fields) {
    String prefix = String.join("\t", fields) + "\t";
    return lines.stream().filter(l -> l.startsWith(prefix)).toList();
  }

  /** Field {@code index} of each line. */
  static List<String> field(List<String> lines, int index) {
    return lines.stream().map(l -> l.split("\t", -1)[index]).toList();
  }
}
