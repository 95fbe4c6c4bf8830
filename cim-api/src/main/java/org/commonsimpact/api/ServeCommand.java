package org.commonsimpact.api;

import com.datastax.oss.driver.api.core.CqlSession;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.commonsimpact.api.dashboard.CassandraCategoryDirectory;
import org.commonsimpact.api.dashboard.Dashboard;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Progress;
import org.commonsimpact.cql.CassandraConnection;
import org.commonsimpact.cql.CassandraOptions;
import org.commonsimpact.cql.ConsistencyOption;
import org.commonsimpact.cql.CqlSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cim serve}: runs the analytics HTTP API over a Cassandra keyspace filled by {@code cim
 * load-cassandra}, until the process is stopped. Register it as a subcommand of {@code cim}; bad
 * options and a keyspace without the tables are {@link InvalidInputException}s (exit 2), an
 * unreachable Cassandra or a busy port any other failure (exit 1).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Commons analytics HTTP API: fourteen read-only JSON endpoints under "
          + "/metrics/commons-analytics/, one per Cassandra serving table, each answered by one "
          + "prepared query on one partition.",
      "",
      "The same server shows the dashboard for people at / (docs/dashboard.md).",
      "",
      "GET /metrics/commons-analytics/api-spec.json describes the endpoints (OpenAPI 3); "
          + "GET /healthz reports whether Cassandra answers. Errors are application/problem+json "
          + "bodies: 400 for an invalid parameter, 404 when the data is not loaded. See "
          + "docs/api.md.",
      "",
      "The keyspace must hold the fourteen tables (load a month first). Prints the base URL on "
          + "stdout once listening, logs on stderr, and runs until stopped (SIGINT/SIGTERM).",
      ""
    })
public final class ServeCommand implements Runnable {
  @Mixin CassandraOptions cassandra;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "TCP port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(names = "--local-datacenter", paramLabel = "NAME",
      defaultValue = CqlSessions.DEFAULT_DATACENTER,
      description = "The driver's local datacenter (default: ${DEFAULT-VALUE}).")
  String localDatacenter;

  @Mixin ConsistencyOption consistency = new ConsistencyOption(ConsistencyOption.READ_DEFAULT);

  @Override
  public void run() {
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("invalid --port " + port + ": expected 0 to 65535");
    }
    CassandraConnection options = cassandra.connection(consistency);
    CqlSession session = CqlSessions.open(options, localDatacenter, Duration.ofSeconds(5));
    ApiServer server;
    try {
      server = ApiServer.start(
          new CassandraRowSource(session, options.address(), options.keyspace()), host, port,
          new Dashboard(new CassandraCategoryDirectory(session, options.keyspace()))::mount);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      session.close();
      stopped.countDown();
    }, "stop-api"));
    String base = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":"
        + server.port() + Endpoint.BASE_PATH + "/";
    Progress.step("serve", "serving keyspace {} of {} at {}", options.keyspace(),
        options.address(), base);
    System.out.println(base);
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
