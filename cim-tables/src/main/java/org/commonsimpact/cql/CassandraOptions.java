package org.commonsimpact.cql;

import picocli.CommandLine.Option;

/**
 * The {@code --cassandra} and {@code --keyspace} options of every command that reads or writes the
 * Cassandra serving tables ({@code serve}, {@code bench-api}, {@code load-cassandra}), as a
 * picocli mixin: declared once, so that the commands spell and validate them alike.
 */
public final class CassandraOptions {
  @Option(names = "--cassandra", required = true, paramLabel = "HOST:PORT",
      description = "A Cassandra node's CQL address, e.g. 127.0.0.1:9042.")
  String cassandra;

  @Option(names = "--keyspace", paramLabel = "NAME",
      defaultValue = CassandraConnection.DEFAULT_KEYSPACE,
      description = "Keyspace of the serving tables (default: ${DEFAULT-VALUE}).")
  String keyspace;

  /** The validated options, with {@code consistency} (a level name) for every request. */
  public CassandraConnection connection(String consistency) {
    return CassandraConnection.parse(cassandra, keyspace, consistency, consistency);
  }

  /** The validated options and {@code --consistency}. */
  public CassandraConnection connection(ConsistencyOption consistency) {
    return connection(consistency.level());
  }
}
