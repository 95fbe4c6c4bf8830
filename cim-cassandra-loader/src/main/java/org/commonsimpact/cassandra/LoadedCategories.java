package org.commonsimpact.cassandra;

import static org.commonsimpact.tables.LoadedIndexTables.MONTHS_PARTITION;
import static org.commonsimpact.tables.LoadedIndexTables.MONTHS_TABLE;
import static org.commonsimpact.tables.LoadedIndexTables.TITLES_TABLE;
import static org.commonsimpact.tables.LoadedIndexTables.ddl;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.tables.ServingTable;

/**
 * Writes the dashboard's index of what is loaded (issue 19; tables declared in {@link
 * org.commonsimpact.tables.LoadedIndexTables}): the titles of the categories of each loaded
 * month, so that the search box can suggest categories by prefix with one query on one partition
 * ({@code WHERE year = ? AND month = ? AND category >= ? AND category < ?}), and the list of loaded
 * months in one partition. Neither is a serving table of SPEC §7: the API's AQS paths never read
 * them.
 *
 * <p>Written by {@link CassandraLoader} after a month's serving tables, from that month's {@code
 * category_metrics_snapshot} rows (every category with data in the month has one): the titles are
 * upserted, then titles of the month that the new data no longer has are deleted, so a reload
 * repairs the index as it repairs the tables. Skipped when the load did not include that table.
 */
public final class LoadedCategories {
  private static final int IN_FLIGHT = 128;

  private final CqlSession cql;
  private final String keyspace;
  private final ConsistencyLevel consistency;

  LoadedCategories(CqlSession cql, String keyspace, ConsistencyLevel consistency) {
    this.cql = cql;
    this.keyspace = keyspace;
    this.consistency = consistency;
  }

  /**
   * Records {@code month}'s categories from its freshly loaded {@code category_metrics_snapshot}
   * rows in {@code loaded}; nothing is done when the load did not include that table.
   */
  static void record(CqlSession cql, CassandraLoadOptions options, Month month,
      Map<ServingTable, Dataset<Row>> loaded) {
    Dataset<Row> snapshot = loaded.get(ServingTable.named("category_metrics_snapshot"));
    if (snapshot != null) {
      new LoadedCategories(cql, options.keyspace(), options.consistency())
          .write(month, snapshot.select("category").distinct().as(Encoders.STRING())
              .collectAsList());
    }
  }

  /** Makes the index of {@code month} hold exactly {@code categories}. */
  void write(Month month, List<String> categories) {
    for (String statement : ddl(keyspace)) {
      cql.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(60)));
    }
    PreparedStatement insert = cql.prepare("INSERT INTO " + keyspace + "." + TITLES_TABLE
        + " (year, month, category) VALUES (?, ?, ?)");
    PreparedStatement delete = cql.prepare("DELETE FROM " + keyspace + "." + TITLES_TABLE
        + " WHERE year = ? AND month = ? AND category = ?");
    int year = month.year();
    int number = month.monthNumber();
    List<Object[]> inserts = new ArrayList<>();
    for (String category : categories) {
      inserts.add(new Object[] {year, number, category});
    }
    run(insert, inserts);

    Set<String> fresh = new HashSet<>(categories);
    List<Object[]> deletes = new ArrayList<>();
    SimpleStatement stored = SimpleStatement.newInstance("SELECT category FROM " + keyspace
        + "." + TITLES_TABLE + " WHERE year = ? AND month = ?", year, number)
        .setConsistencyLevel(consistency).setPageSize(5000);
    for (com.datastax.oss.driver.api.core.cql.Row row : cql.execute(stored)) {
      if (!fresh.contains(row.getString(0))) {
        deletes.add(new Object[] {year, number, row.getString(0)});
      }
    }
    run(delete, deletes);
    if (categories.isEmpty()) {
      cql.execute(SimpleStatement.newInstance("DELETE FROM " + keyspace + "." + MONTHS_TABLE
          + " WHERE dataset = ? AND year = ? AND month = ?", MONTHS_PARTITION, year, number)
          .setConsistencyLevel(consistency));
    } else {
      cql.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace + "." + MONTHS_TABLE
          + " (dataset, year, month, category_count) VALUES (?, ?, ?, ?)", MONTHS_PARTITION,
          year, number, (long) categories.size()).setConsistencyLevel(consistency));
    }
    Progress.step("load-cassandra", "{}.{}: {} category titles of {} indexed for the dashboard; "
        + "{} stale titles deleted", keyspace, TITLES_TABLE, categories.size(), month,
        deletes.size());
  }

  /** Executes {@code statement} once per value list, at most {@value #IN_FLIGHT} at a time. */
  private void run(PreparedStatement statement, List<Object[]> values) {
    List<CompletionStage<AsyncResultSet>> window = new ArrayList<>();
    for (Object[] v : values) {
      window.add(cql.executeAsync(statement.bind(v).setConsistencyLevel(consistency)));
      if (window.size() == IN_FLIGHT) {
        drain(window);
      }
    }
    drain(window);
  }

  private static void drain(List<CompletionStage<AsyncResultSet>> window) {
    for (CompletionStage<AsyncResultSet> stage : window) {
      stage.toCompletableFuture().join();
    }
    window.clear();
  }
}
