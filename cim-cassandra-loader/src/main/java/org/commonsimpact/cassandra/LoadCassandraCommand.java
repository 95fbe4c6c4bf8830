package org.commonsimpact.cassandra;

import java.util.List;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Progress;
import org.commonsimpact.cql.CassandraOptions;
import org.commonsimpact.cql.ConsistencyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cim load-cassandra}: writes one month of the fourteen serving tables into Cassandra (SPEC
 * §7), replacing what an earlier load of the same month wrote. Register it as a subcommand of the
 * {@code cim} command line; errors propagate as exceptions so that the command line's handler maps
 * {@link org.commonsimpact.common.InvalidInputException} to exit 2 and anything else to exit 1.
 */
@Command(
    name = "load-cassandra",
    mixinStandardHelpOptions = true,
    description = {
      "Load one month of the serving tables (serving.<table> in the warehouse) into Cassandra, "
          + "one Cassandra table per serving table, same names (see docs/cassandra.md).",
      "",
      "Creates the keyspace and the tables when missing. Idempotent per month: rows of the month "
          + "that the new data no longer has are deleted; other months are left alone. Bad "
          + "arguments, a month missing from the warehouse or a keyspace whose tables have "
          + "another shape exit 2; an unreachable or failing Cassandra exits 1, and re-running "
          + "the same command then completes the load.",
      ""
    })
public final class LoadCassandraCommand implements Runnable {
  @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
      description = "The month to load.")
  String month;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR",
      description = "Root of the Iceberg warehouse (catalog `cim`) holding serving.<table>.")
  String warehouse;

  @Mixin CassandraOptions cassandra;

  @Mixin ConsistencyOption consistency =
      new ConsistencyOption(CassandraLoadOptions.DEFAULT_CONSISTENCY);

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Rows per unlogged batch (same partition); default: the connector's own "
          + "sizing, by bytes.")
  Integer batchSize;

  @Option(names = "--replication", paramLabel = "CQL-MAP",
      description = "Replication of the keyspace when it is created (default: "
          + CassandraLoadOptions.DEFAULT_REPLICATION + ").")
  String replication;

  @Option(names = "--tables", split = ",", paramLabel = "TABLE",
      description = "Only these serving tables (comma-separated); default: all fourteen.")
  List<String> tables;

  @Override
  public void run() {
    Month parsed = Month.parse(month);
    CassandraLoadOptions options = CassandraLoadOptions.of(cassandra.connection(consistency),
        batchSize, replication, tables);
    long start = System.nanoTime();
    List<CassandraLoader.TableResult> results =
        new CassandraLoader(CimSession.open(warehouse), options).load(parsed);
    long written = results.stream().mapToLong(CassandraLoader.TableResult::rowsWritten).sum();
    long deleted = results.stream().mapToLong(CassandraLoader.TableResult::rowsDeleted).sum();
    Progress.step("load-cassandra", "month {} loaded into {} at {}: {} tables, {} rows written, "
        + "{} stale rows deleted, {} s", parsed, options.keyspace(), options.address(),
        results.size(), written, deleted, String.format("%.1f", (System.nanoTime() - start) / 1e9));
  }
}
