package org.commonsimpact.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.cql.CassandraConnection;
import org.commonsimpact.cql.CassandraOptions;
import org.commonsimpact.cql.ConsistencyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cim bench-api}: a bounded load test of a running {@code cim serve} on this machine. It
 * checks the options, runs the {@link ApiBenchmark} and prints its figures ({@link ApiFigures}):
 * requests per second and latency percentiles, overall and per endpoint, with the machine's load
 * average. Exit status 2 on invalid options (before any I/O) or an empty keyspace, 1 when a
 * measured request failed.
 *
 * <p>Running it needs the Cassandra driver and the API's {@code Endpoint}: {@code cim} registers
 * it only where the driver and Javalin are on the class path (in cim-local.jar, not in
 * cim-cluster.jar).
 */
@Command(
    name = "bench-api",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the analytics HTTP API (cim serve) on this machine: requests per second and "
          + "latency percentiles for a mix of the fourteen endpoints in equal shares.",
      "",
      "Request paths come from the keyspace the server reads (up to --paths-per-endpoint "
          + "partitions per table, each asked for a month it holds), so every request should "
          + "answer 200. The test is bounded: --warmup requests, then --requests measured "
          + "requests from --concurrency threads. Only loopback URLs are accepted. Exit 1 when "
          + "any measured request fails or answers other than 200.",
      ""
    })
public final class BenchApiCommand implements Runnable {
  @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
      description = "The server's root URL, on a loopback address (default: ${DEFAULT-VALUE}).")
  String url;

  @Mixin CassandraOptions cassandra;

  @Option(names = "--requests", paramLabel = "N", defaultValue = "20000",
      description = "Measured requests (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
      description = "Requests sent before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--concurrency", paramLabel = "THREADS", defaultValue = "4",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--paths-per-endpoint", paramLabel = "N", defaultValue = "50",
      description = "Distinct paths per endpoint (default: ${DEFAULT-VALUE}).")
  int pathsPerEndpoint;

  @Override
  public void run() {
    URI root = loopbackRoot();
    if (requests < 1 || requests > 10_000_000 || warmup < 0 || concurrency < 1
        || concurrency > 256 || pathsPerEndpoint < 1) {
      throw new InvalidInputException("invalid --requests/--warmup/--concurrency/"
          + "--paths-per-endpoint: expected 1..10000000 requests, warmup >= 0, 1..256 threads, "
          + "at least 1 path");
    }
    CassandraConnection options = cassandra.connection(ConsistencyOption.READ_DEFAULT);
    ApiFigures figures = new ApiBenchmark(root, requests, warmup, concurrency)
        .run(options, pathsPerEndpoint);
    figures.lines().forEach(System.out::println);
    System.out.flush();
    if (figures.all().failures() > 0) {
      throw new IllegalStateException(figures.all().failures() + " of " + requests
          + " requests failed or answered other than 200");
    }
  }

  private URI loopbackRoot() {
    URI root;
    try {
      root = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid --url '" + url + "': " + e.getMessage());
    }
    if (!"http".equals(root.getScheme()) || root.getHost() == null) {
      throw new InvalidInputException("invalid --url '" + url + "': expected http://HOST:PORT");
    }
    try {
      if (!InetAddress.getByName(root.getHost()).isLoopbackAddress()) {
        throw new InvalidInputException("invalid --url '" + url + "': the load test only runs "
            + "against a loopback address (127.0.0.1, localhost)");
      }
    } catch (UnknownHostException e) {
      throw new InvalidInputException("invalid --url '" + url + "': unknown host");
    }
    return root;
  }
}
