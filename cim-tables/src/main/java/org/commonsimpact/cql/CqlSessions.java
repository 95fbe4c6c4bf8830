package org.commonsimpact.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Opens the driver sessions of the commands that talk to Cassandra without Spark ({@code serve},
 * {@code bench-api}); the loader's sessions come from the Spark Cassandra Connector instead.
 */
public final class CqlSessions {
  /** The driver's local datacenter when none is given: a single local node's. */
  public static final String DEFAULT_DATACENTER = "datacenter1";

  private CqlSessions() {}

  /**
   * A session on {@code connection}'s node, requests at its consistency level with {@code
   * requestTimeout}; an unreachable node is an {@link IllegalStateException} naming the address.
   */
  public static CqlSession open(CassandraConnection connection, String localDatacenter,
      Duration requestTimeout) {
    try {
      return CqlSession.builder()
          .addContactPoint(new InetSocketAddress(connection.host(), connection.port()))
          .withLocalDatacenter(localDatacenter)
          .withConfigLoader(DriverConfigLoader.programmaticBuilder()
              .withString(DefaultDriverOption.REQUEST_CONSISTENCY,
                  connection.consistency().name())
              .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
              .build())
          .build();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot reach Cassandra at " + connection.address() + ": "
          + e.getMessage(), e);
    }
  }
}
