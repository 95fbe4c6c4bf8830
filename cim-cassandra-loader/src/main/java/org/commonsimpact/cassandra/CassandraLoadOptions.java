package org.commonsimpact.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonsimpact.common.InvalidInputException;

/**
 * Where and how {@link CassandraLoader} writes, validated before anything connects: every bad value
 * is an {@link InvalidInputException} (exit 2) naming the option.
 *
 * @param host the contact point's host name or address
 * @param port its CQL port
 * @param keyspace the keyspace (lower case, a plain CQL identifier, not a system keyspace)
 * @param consistency consistency level of every write, read-back and delete
 * @param batchSizeRows rows per unlogged batch of the connector; 0 lets the connector size batches
 *     by bytes (its default)
 * @param replication CQL replication map used only when the keyspace is created
 * @param tables the tables to load, in SPEC order
 */
public record CassandraLoadOptions(String host, int port, String keyspace,
    DefaultConsistencyLevel consistency, int batchSizeRows, String replication,
    List<CassandraTable> tables) {

  public static final String DEFAULT_KEYSPACE = "commons";
  public static final String DEFAULT_CONSISTENCY = "LOCAL_QUORUM";
  public static final String DEFAULT_REPLICATION =
      "{'class': 'SimpleStrategy', 'replication_factor': 1}";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]");

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
    if (cassandra == null || cassandra.isBlank()) {
      throw new InvalidInputException("--cassandra is required: HOST:PORT of a Cassandra node");
    }
    int colon = cassandra.lastIndexOf(':');
    if (colon <= 0 || colon == cassandra.length() - 1) {
      throw new InvalidInputException("invalid --cassandra '" + cassandra + "': expected HOST:PORT");
    }
    String host = cassandra.substring(0, colon);
    if (!HOST.matcher(host).matches()) {
      throw new InvalidInputException("invalid --cassandra '" + cassandra + "': bad host '"
          + host + "'");
    }
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(cassandra.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("invalid --cassandra '" + cassandra
          + "': the port must be a number from 1 to 65535");
    }
    String ks = keyspace == null ? DEFAULT_KEYSPACE : keyspace.toLowerCase(Locale.ROOT);
    if (!IDENTIFIER.matcher(ks).matches()) {
      throw new InvalidInputException("invalid --keyspace '" + keyspace + "': expected a letter "
          + "then letters, digits or _ (at most 48 characters)");
    }
    if (ks.startsWith("system")) {
      throw new InvalidInputException("invalid --keyspace '" + keyspace
          + "': system keyspaces are Cassandra's own");
    }
    DefaultConsistencyLevel level;
    String levelName = consistency == null ? DEFAULT_CONSISTENCY : consistency;
    try {
      level = DefaultConsistencyLevel.valueOf(levelName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid --consistency '" + consistency + "': expected one of "
          + Arrays.toString(DefaultConsistencyLevel.values()));
    }
    if (level == DefaultConsistencyLevel.SERIAL || level == DefaultConsistencyLevel.LOCAL_SERIAL) {
      throw new InvalidInputException("invalid --consistency '" + consistency
          + "': serial levels apply to lightweight transactions only");
    }
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
    List<CassandraTable> tables = new ArrayList<>();
    if (tableNames == null || tableNames.isEmpty()) {
      tables.addAll(CassandraTable.all());
    } else {
      List<String> wanted = new ArrayList<>();
      for (String name : tableNames) {
        String trimmed = name.trim();
        if (!trimmed.isEmpty()) {
          CassandraTable.named(trimmed);
          wanted.add(trimmed);
        }
      }
      if (wanted.isEmpty()) {
        throw new InvalidInputException("--tables names no table");
      }
      for (CassandraTable table : CassandraTable.all()) {
        if (wanted.contains(table.name())) {
          tables.add(table);
        }
      }
    }
    return new CassandraLoadOptions(host, port, ks, level, batch, repl, tables);
  }

  /** {@code HOST:PORT} as given. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
