package org.commonsimpact.cql;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonsimpact.common.InvalidInputException;

/**
 * Where the serving tables are in Cassandra and how to read or write them, validated before
 * anything connects: every bad value is an {@link InvalidInputException} (exit 2) naming the
 * option ({@code --cassandra}, {@code --keyspace}, {@code --consistency}).
 *
 * @param host the contact point's host name or address
 * @param port its CQL port
 * @param keyspace the keyspace (lower case, a plain CQL identifier, not a system keyspace)
 * @param consistency consistency level of every request
 */
public record CassandraConnection(String host, int port, String keyspace,
    DefaultConsistencyLevel consistency) {

  /** The keyspace when {@code --keyspace} is not given. */
  public static final String DEFAULT_KEYSPACE = "commons";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]");

  /**
   * Parses the command-line forms: {@code HOST:PORT} ({@code [::1]:9042} for IPv6), a keyspace
   * name (null for {@link #DEFAULT_KEYSPACE}) and a consistency level name (null for {@code
   * defaultConsistency}).
   */
  public static CassandraConnection parse(String cassandra, String keyspace, String consistency,
      String defaultConsistency) {
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
    String levelName = consistency == null ? defaultConsistency : consistency;
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
    return new CassandraConnection(host, port, ks, level);
  }

  /** {@code HOST:PORT} as given. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
