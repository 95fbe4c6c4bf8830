package org.commonsimpact.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.commonsimpact.tables.ServingTable;

/**
 * Deletes, on the executors, the stale Cassandra rows whose keys a Spark partition holds, with
 * prepared {@code DELETE}s, a bounded number in flight at once. The Spark Cassandra Connector
 * writes but has no DataFrame delete; this is its equivalent for the loader.
 *
 * <p>Each input row holds the table's primary key columns, in order. For a top list it also holds a
 * last boolean column: whether the row's partition (API path and month) still has rows in the new
 * data. If not, the whole partition is deleted, once per partition in the Spark partition (the
 * loader puts all rows of a Cassandra partition in the same Spark partition); otherwise the row
 * alone. {@code rows} and {@code partitions} count the deletes that succeeded.
 */
final class CqlDeletes implements ForeachPartitionFunction<Row> {
  private static final long serialVersionUID = 1L;
  private static final int IN_FLIGHT = 64;

  private final CassandraConnector connector;
  private final String rowCql;
  private final String partitionCql;
  private final int keyColumns;
  private final int partitionColumns;
  private final String consistency;
  private final LongAccumulator rows;
  private final LongAccumulator partitions;

  CqlDeletes(CassandraConnector connector, String keyspace, ServingTable table,
      DefaultConsistencyLevel consistency, LongAccumulator rows, LongAccumulator partitions) {
    this.connector = connector;
    this.rowCql = delete(keyspace, table.name(), table.primaryKey());
    this.partitionCql = table.isTopList()
        ? delete(keyspace, table.name(), table.partitionKey()) : null;
    this.keyColumns = table.primaryKey().size();
    this.partitionColumns = table.partitionKey().size();
    this.consistency = consistency.name();
    this.rows = rows;
    this.partitions = partitions;
  }

  private static String delete(String keyspace, String table, List<String> columns) {
    List<String> conditions = new ArrayList<>();
    for (String column : columns) {
      conditions.add(column + " = ?");
    }
    return "DELETE FROM " + keyspace + "." + table + " WHERE " + String.join(" AND ", conditions);
  }

  @Override
  public void call(Iterator<Row> input) throws Exception {
    if (!input.hasNext()) {
      return;
    }
    try (CqlSession session = connector.openSession()) {
      PreparedStatement rowDelete = session.prepare(rowCql);
      PreparedStatement partitionDelete =
          partitionCql == null ? null : session.prepare(partitionCql);
      DefaultConsistencyLevel level = DefaultConsistencyLevel.valueOf(consistency);
      Semaphore slots = new Semaphore(IN_FLIGHT);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      Set<List<Object>> deadPartitions = new HashSet<>();
      long rowDeletes = 0;
      while (input.hasNext() && failure.get() == null) {
        Row row = input.next();
        Object[] key = new Object[keyColumns];
        for (int i = 0; i < keyColumns; i++) {
          Object value = row.get(i);
          key[i] = value instanceof Timestamp ? ((Timestamp) value).toInstant() : value;
        }
        PreparedStatement statement = rowDelete;
        Object[] values = key;
        if (partitionDelete != null && !row.getBoolean(keyColumns)) {
          values = Arrays.copyOf(key, partitionColumns);
          if (!deadPartitions.add(Arrays.asList(values))) {
            continue;
          }
          statement = partitionDelete;
        } else {
          rowDeletes++;
        }
        slots.acquire();
        pending.add(session.executeAsync(statement.bind(values).setConsistencyLevel(level))
            .toCompletableFuture().whenComplete((r, e) -> {
              slots.release();
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            }));
        if (pending.size() >= 4 * IN_FLIGHT) {
          pending.removeIf(CompletableFuture::isDone);
        }
      }
      try {
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
      } catch (CompletionException e) {
        failure.compareAndSet(null, e.getCause());
      }
      if (failure.get() != null) {
        throw new CassandraLoadException("delete of stale rows failed (" + rowCql + "): "
            + failure.get().getMessage(), failure.get());
      }
      rows.add(rowDeletes);
      partitions.add(deadPartitions.size());
    }
  }
}
