package org.commonsimpact.cql;

import picocli.CommandLine.Option;

/**
 * The {@code --consistency} option, as a picocli mixin. Its default depends on the command (reads
 * of the API at {@code LOCAL_ONE}, the loader's writes at {@code LOCAL_QUORUM}): a command declares
 * the mixin field initialized with {@code new ConsistencyOption(DEFAULT)}, and picocli shows and
 * uses that initial value as the default.
 */
public final class ConsistencyOption {
  /** The default of commands that only read. */
  public static final String READ_DEFAULT = "LOCAL_ONE";
  /** The default of commands that write. */
  public static final String WRITE_DEFAULT = "LOCAL_QUORUM";

  @Option(names = "--consistency", paramLabel = "LEVEL",
      description = "Consistency level of the command's CQL requests (default: ${DEFAULT-VALUE}).")
  String consistency;

  /** For picocli; the default is then {@link #READ_DEFAULT}. */
  public ConsistencyOption() {
    this(READ_DEFAULT);
  }

  public ConsistencyOption(String defaultLevel) {
    this.consistency = defaultLevel;
  }

  /** The level name as given (validated by {@link CassandraConnection#parse}). */
  public String level() {
    return consistency;
  }
}
