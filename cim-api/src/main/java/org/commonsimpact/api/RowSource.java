package org.commonsimpact.api;

import java.util.List;

/**
 * Where the API's rows come from: Cassandra in production ({@link CassandraRowSource}), an
 * in-memory table in unit tests. One call is one query.
 */
public interface RowSource {
  /**
   * The rows of one partition matching {@code query}, each a list of values in {@link
   * Endpoint#columns()} order (String, Long for counts, Integer for year/month/rank, Instant for
   * {@code dt}), in clustering order: by {@code dt} for a series, by rank then the tie-break names
   * for a top list.
   */
  List<List<Object>> read(PartitionQuery query);

  /** Whether the store answers now, for {@code /healthz}. */
  Health health();

  /**
   * What {@code /healthz} reports about the store.
   *
   * @param reachable whether a trivial query succeeded
   * @param store where the store is, e.g. {@code cassandra 127.0.0.1:9042 keyspace commons}
   * @param detail a one-line explanation when not reachable, else empty
   */
  record Health(boolean reachable, String store, String detail) {}
}
