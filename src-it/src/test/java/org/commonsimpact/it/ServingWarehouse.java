package org.commonsimpact.it;

import java.nio.file.Files;
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
import org.commonsimpact.cassandra.CassandraTable;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;

/**
 * The Iceberg serving tables the loader reads, built without the pipeline: from the golden {@code
 * expected/serving/<table>.tsv} (month 2024-02), plus a made-up second month so that tests can
 * check that loading one month leaves another alone.
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
   * Creates the fourteen {@code serving.*} tables from the golden expected files, and with {@code
   * otherMonth} the rows of {@link #OTHER} too (see {@link #otherMonthLine}); one commit per table,
   * a few tables at a time.
   */
  static void loadGolden(SparkSession session, boolean otherMonth, Path temp) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (CassandraTable table : CassandraTable.all()) {
        done.add(pool.submit(() -> {
          List<String> columns = new ArrayList<>();
          for (String column : table.columns()) {
            columns.add(column + " " + sparkType(column));
          }
          Path tsv = expected(table.name());
          if (otherMonth) {
            List<String> lines = SparkTestSupport.readLines(tsv);
            List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
            for (String line : body) {
              lines.add(otherMonthLine(table, line));
            }
            tsv = temp.resolve(table.name() + ".tsv");
            Files.write(tsv, lines);
          }
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

  /** A golden line moved to {@link #OTHER}, every count raised by 1000 (as {@link #addOtherMonth}). */
  static String otherMonthLine(CassandraTable table, String line) {
    String[] values = line.split("\t", -1);
    for (int i = 0; i < values.length; i++) {
      String column = table.columns().get(i);
      if (column.equals("dt")) {
        values[i] = OTHER.firstDay() + "T00:00:00";
      } else if (column.equals("month")) {
        values[i] = String.valueOf(OTHER.monthNumber());
      } else if (column.equals("year")) {
        values[i] = String.valueOf(OTHER.year());
      } else if (sparkType(column).equals("BIGINT")) {
        values[i] = String.valueOf(Long.parseLong(values[i]) + 1000);
      }
    }
    return String.join("\t", values);
  }

  /**
   * Adds month {@link #OTHER}: a copy of the golden month's rows with the month changed and every
   * count raised by 1000, so that its rows differ from the golden ones in key and value.
   */
  static void addOtherMonth(SparkSession session, CassandraTable table) {
    List<String> select = new ArrayList<>();
    for (String column : table.columns()) {
      if (column.equals("dt")) {
        select.add("TIMESTAMP '" + OTHER.firstDay() + " 00:00:00' AS dt");
      } else if (column.equals("month")) {
        select.add(OTHER.monthNumber() + " AS month");
      } else if (column.equals("year")) {
        select.add(OTHER.year() + " AS year");
      } else if (sparkType(column).equals("BIGINT")) {
        select.add(column + " + 1000 AS " + column);
      } else {
        select.add(column);
      }
    }
    session.sql("INSERT INTO " + Tables.serving(table.name()) + " SELECT "
        + String.join(", ", select) + " FROM " + Tables.serving(table.name()) + " WHERE "
        + table.monthPredicate(GOLDEN));
  }

  /** Sorted TSV lines of one month of each serving table, keyed by table name. */
  static Map<String, List<String>> monthLines(SparkSession session, Month month) {
    Map<String, List<String>> lines = new TreeMap<>();
    for (CassandraTable table : CassandraTable.all()) {
      lines.put(table.name(), SparkTestSupport.sortedTsvLines(session.sql("SELECT "
          + String.join(", ", table.columns()) + " FROM " + Tables.serving(table.name())
          + " WHERE " + table.monthPredicate(month))));
    }
    return lines;
  }

  static String sparkType(String column) {
    switch (CassandraTable.cqlType(column)) {
      case "timestamp":
        return "TIMESTAMP";
      case "int":
        return "INT";
      case "bigint":
        return "BIGINT";
      default:
        return "STRING";
    }
  }
}
