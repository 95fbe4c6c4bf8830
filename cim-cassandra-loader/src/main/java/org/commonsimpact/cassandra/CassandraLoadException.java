package org.commonsimpact.cassandra;

/**
 * A load into Cassandra that failed for a reason other than bad input: the server is unreachable,
 * times out or refuses a write. The command line maps it to exit status 1 (SPEC §10); re-running the
 * same load repairs whatever it left half done.
 */
public class CassandraLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CassandraLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  public CassandraLoadException(String message) {
    super(message);
  }
}
