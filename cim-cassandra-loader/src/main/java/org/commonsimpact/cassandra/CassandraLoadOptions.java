package org.commonsimpact.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.cql.CassandraConnection;
import org.commonsimpact.cql.ConsistencyOption;
import org.commonsimpact.tables.ServingTable;

/**
 * Where and how {@link CassandraLoader} writes, validated before anything connects: every bad value
 * is an {@link InvalidInputException} (exit 2) naming the option.
 *
 * @param connection the node, keyspace and consistency level of every write, read-back and delete
 * @param batchSizeRows rows per unlogged batch of the connector; 0 lets the connector size batches
 *     by bytes (its default)
 * @param replication CQL replication map used only when the keyspace is created
 * @param tables the tables to load, in SPEC order
 */
public record CassandraLoadOptions(CassandraConnection connection, int batchSizeRows,
    String replication, List<ServingTable> tables) {

  public static final String DEFAULT_KEYSPACE = CassandraConnection.DEFAULT_KEYSPACE;
  public static final String DEFAULT_CONSISTENCY = ConsistencyOption.WRITE_DEFAULT;
  public static final String DEFAULT_REPLICATION =
      "{'class': 'SimpleStrategy', 'replication_factor': 1}";

  public CassandraLoadOptions {
    tables = List.copyOf(tables);
  }

  /**
   * Parses the command-line forms: {@code HOST:PORT}, a keyspace name, a consistency level name, a
   * batch size (null or 0 for the connector's default), a replication map (null for the default)
   * and table names (null or empty for all fourteen).
   */
  public static CassandraLoadOptions parse(String cassandra, String keyspace, String consistency,
      Integer batchSize, String replication, List<String> tableNames) {
    return of(CassandraConnection.parse(cassandra, keyspace, consistency, DEFAULT_CONSISTENCY),
        batchSize, replication, tableNames);
  }

  /** The load options on an already validated connection; see {@link #parse}. */
  public static CassandraLoadOptions of(CassandraConnection connection, Integer batchSize,
      String replication, List<String> tableNames) {
    int batch = batchSize == null ? 0 : batchSize;
    if (batch < 0 || (batchSize != null && batch == 0)) {
      throw new InvalidInputException("invalid --batch-size " + batchSize
          + ": expected a positive number of rows");
    }
    String repl = replication == null ? DEFAULT_REPLICATION : replication.trim();
    if (!repl.startsWith("{") || !repl.endsWith("}") || !repl.contains("'class'")
        || repl.contains(";")) {
      throw new InvalidInputException("invalid --replication '" + replication
          + "': expected a CQL map such as " + DEFAULT_REPLICATION);
    }
    List<ServingTable> tables = new ArrayList<>();
    if (tableNames == null || tableNames.isEmpty()) {
      tables.addAll(ServingTable.all());
    } else {
      List<String> wanted = new ArrayList<>();
      for (String name : tableNames) {
        String trimmed = name.trim();
        if (!trimmed.isEmpty()) {
          ServingTable.named(trimmed);
          wanted.add(trimmed);
        }
      }
      if (wanted.isEmpty()) {
        throw new InvalidInputException("--tables names no table");
      }
      for (ServingTable table : ServingTable.all()) {
        if (wanted.contains(table.name())) {
          tables.add(table);
        }
      }
    }
    return new CassandraLoadOptions(connection, batch, repl, tables);
  }

  public String host() {
    return connection.host();
  }

  public int port() {
    return connection.port();
  }

  public String keyspace() {
    return connection.keyspace();
  }

  public DefaultConsistencyLevel consistency() {
    return connection.consistency();
  }

  /** {@code HOST:PORT} as given. */
  public String address() {
    return connection.address();
  }
}
