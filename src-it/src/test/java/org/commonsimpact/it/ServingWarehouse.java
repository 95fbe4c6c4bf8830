package org.commonsimpact.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;

/**
 * The Iceberg serving tables the loader reads, built without the pipeline: from the golden {@code
 * expected/serving/<table>.tsv} (month 2024-02), and the rows of a made-up second month that tests
 * write into Cassandra to check that loading one month leaves another alone.
 */
final class ServingWarehouse {
  static final Month GOLDEN = Month.parse("2024-02");
  static final Month OTHER = Month.parse("2024-01");

  private ServingWarehouse() {}

  static Path expected(String table) {
    return SparkTestSupport.goldenDir().resolve("expected/serving/" + table + ".tsv");
  }

  /** Sorted body lines of the golden expected file of {@code table}. */
  static List<String> expectedLines(String table) {
    return SparkTestSupport.sortedBody(expected(table), true);
  }

  /**
   * Creates the fourteen {@code serving.*} tables from the golden expected files (month {@link
   * #GOLDEN} only); one commit per table, a few tables at a time.
   */
  static void loadGolden(SparkSession session) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (ServingTable table : ServingTable.all()) {
        done.add(pool.submit(() -> {
          List<String> columns = new ArrayList<>();
          for (String column : table.columns()) {
            columns.add(column + " " + sparkType(table, column));
          }
          Path tsv = expected(table.name());
          ExpectedTables.load(session, Tables.serving(table.name()), columns, tsv, true, null);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A golden line moved to {@link #OTHER}, every count raised by 1000. */
  static String otherMonthLine(ServingTable table, String line) {
    String[] values = line.split("\t", -1);
    for (int i = 0; i < values.length; i++) {
      String column = table.columns().get(i);
      if (column.equals("dt")) {
        values[i] = OTHER.firstDay() + "T00:00:00";
      } else if (column.equals("month")) {
        values[i] = String.valueOf(OTHER.monthNumber());
      } else if (column.equals("year")) {
        values[i] = String.valueOf(OTHER.year());
      } else if (sparkType(table, column).equals("BIGINT")) {
        values[i] = String.valueOf(Long.parseLong(values[i]) + 1000);
      }
    }
    return String.join("\t", values);
  }

  /**
   * The rows of month {@link #OTHER} that tests write straight into Cassandra: the golden lines of
   * {@code table} moved to that month, every count raised by 1000.
   */
  static List<String> otherMonthLines(ServingTable table) {
    List<String> lines = new ArrayList<>();
    for (String line : expectedLines(table.name())) {
      lines.add(otherMonthLine(table, line));
    }
    lines.sort(SparkTestSupport::compareCodePoints);
    return lines;
  }

  /** Sorted TSV lines of one month of each serving table, keyed by table name. */
  static Map<String, List<String>> monthLines(SparkSession session, Month month) {
    Map<String, List<String>> lines = new TreeMap<>();
    for (ServingTable table : ServingTable.all()) {
      lines.put(table.name(), SparkTestSupport.sortedTsvLines(session.sql("SELECT "
          + String.join(", ", table.columns()) + " FROM " + Tables.serving(table.name())
          + " WHERE " + table.monthKeyPredicate(month))));
    }
    return lines;
  }

  /** The SparkSQL type of a serving table's column, as declared. */
  static String sparkType(ServingTable table, String column) {
    return table.type(column).sql();
  }
}
