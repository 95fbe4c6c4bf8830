package org.commonsimpact.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;

/**
 * Deletes, on the executors, the Cassandra rows or partitions whose keys a Spark partition holds:
 * one prepared {@code DELETE ... WHERE k1 = ? AND ...} per key, a bounded number in flight at once.
 *
 * <p>The Spark Cassandra Connector writes but has no DataFrame delete; this is its equivalent for
 * the loader's stale keys. Each row of the input holds exactly the key columns, in order.
 */
final class CqlDeletes implements ForeachPartitionFunction<Row> {
  private static final long serialVersionUID = 1L;
  private static final int IN_FLIGHT = 64;

  private final CassandraConnector connector;
  private final String cql;
  private final String consistency;

  CqlDeletes(CassandraConnector connector, String keyspace, String table, List<String> keyColumns,
      DefaultConsistencyLevel consistency) {
    this.connector = connector;
    List<String> conditions = new ArrayList<>();
    for (String column : keyColumns) {
      conditions.add(column + " = ?");
    }
    this.cql = "DELETE FROM " + keyspace + "." + table + " WHERE "
        + String.join(" AND ", conditions);
    this.consistency = consistency.name();
  }

  String cql() {
    return cql;
  }

  @Override
  public void call(Iterator<Row> rows) throws Exception {
    if (!rows.hasNext()) {
      return;
    }
    try (CqlSession session = connector.openSession()) {
      PreparedStatement delete = session.prepare(cql);
      DefaultConsistencyLevel level = DefaultConsistencyLevel.valueOf(consistency);
      Semaphore slots = new Semaphore(IN_FLIGHT);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      while (rows.hasNext() && failure.get() == null) {
        Row row = rows.next();
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
          Object value = row.get(i);
          values[i] = value instanceof Timestamp ? ((Timestamp) value).toInstant() : value;
        }
        BoundStatement bound = delete.bind(values).setConsistencyLevel(level);
        slots.acquire();
        pending.add(session.executeAsync(bound).toCompletableFuture().whenComplete((r, e) -> {
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
        throw new CassandraLoadException("delete failed (" + cql + "): "
            + failure.get().getMessage(), failure.get());
      }
    }
  }
}
