package org.commonsimpact.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.cassandra.CassandraLoadOptions;
import org.commonsimpact.cassandra.CassandraLoader;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader against a real Cassandra 5.0.6 (issue 7), on serving tables made from the golden
 * expected files: load, read back with an independent CQL client, write another month with that
 * client, re-load, then change the data upstream in several ways and re-load. Tests run in order
 * and build on each other. Commands run in this JVM ({@link CimCli}); {@link PipelineReloadIT}
 * drives the packaged jar. The keyspace's tables are emptied first, not dropped: the node is
 * shared by the run's test classes and creating the schema is the slow part of a first load.
 */
@ExtendWith(LocalCassandra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraLoadIT {
  private static final String KEYSPACE = "commons";
  /** Files and categories of Museum_B's subtree in the golden world (expected/graph.tsv). */
  private static final String MUSEUM_B_CATEGORIES = "'Museum_B', 'Museum_B_objects'";
  private static final String MUSEUM_B_FILES = "'B_object.tif', '\"Quoted\"_title.jpg', 'Video.webm'";

  private Path warehouse;
  private SparkSession session;
  private CqlTables cql;
  private Map<String, List<String>> otherMonthLoaded;

  @BeforeAll
  void setUp(@TempDir Path temp) throws IOException {
    long t0 = System.nanoTime();
    warehouse = Files.createDirectories(temp.resolve("warehouse"));
    session = CimSession.open(warehouse.toString());
    ServingWarehouse.loadGolden(session);
    System.err.printf("[it] serving tables built in the warehouse in %.1f s%n", secondsSince(t0));
    cql = new CqlTables(LocalCassandra.address());
    cql.truncateAll(KEYSPACE);
  }

  @AfterAll
  void tearDown() {
    if (cql != null) {
      cql.close();
    }
  }

  @Test
  @Order(1)
  void loadsTheGoldenMonthExactly() {
    long t0 = System.nanoTime();
    CimCli.Result golden = load(ServingWarehouse.GOLDEN);
    assertEquals(0, golden.status(), golden.stderr());
    System.err.printf("[it] golden month load (schema created if missing) took %.1f s%n",
        secondsSince(t0));

    // The tables were empty: each now holds exactly the golden rows.
    for (ServingTable table : ServingTable.all()) {
      assertEquals(ServingWarehouse.expectedLines(table.name()),
          cql.allLines(KEYSPACE, table), table.name());
    }
  }

  @Test
  @Order(2)
  void partitionsReadInApiOrder() {
    for (ServingTable table : ServingTable.all()) {
      Map<String, List<String>> partitions =
          cql.partitionsAsRead(KEYSPACE, table, ServingWarehouse.GOLDEN);
      assertFalse(partitions.isEmpty(), table.name());
      for (Map.Entry<String, List<String>> partition : partitions.entrySet()) {
        List<String> expected = new ArrayList<>();
        for (String line : ServingWarehouse.expectedLines(table.name())) {
          if (line.startsWith(partition.getKey() + "\t")) {
            expected.add(line);
          }
        }
        if (table.isTopList()) {
          expected.sort(CqlTables.apiOrder(table));
        }
        assertEquals(expected, partition.getValue(), table.name() + " " + partition.getKey());
      }
    }
  }

  @Test
  @Order(3)
  void reloadingTheSameMonthChangesNothing() {
    // Another month, written with the CQL client: loads of 2024-02 must leave it alone.
    for (ServingTable table : ServingTable.all()) {
      cql.insert(KEYSPACE, table, ServingWarehouse.otherMonthLines(table));
    }
    otherMonthLoaded = cql.monthLines(KEYSPACE, ServingWarehouse.OTHER);
    for (ServingTable table : ServingTable.all()) {
      assertEquals(ServingWarehouse.otherMonthLines(table), otherMonthLoaded.get(table.name()));
    }

    Map<String, List<String>> before = cql.monthLines(KEYSPACE, ServingWarehouse.GOLDEN);
    List<CassandraLoader.TableResult> results = loader().load(ServingWarehouse.GOLDEN);
    assertEquals(14, results.size());
    for (CassandraLoader.TableResult result : results) {
      assertEquals(0, result.rowsDeleted(), result.table());
      assertEquals(0, result.partitionsDeleted(), result.table());
      assertEquals(ServingWarehouse.expectedLines(result.table()).size(), result.rowsWritten(),
          result.table());
    }
    assertEquals(before, cql.monthLines(KEYSPACE, ServingWarehouse.GOLDEN));
    assertEquals(otherMonthLoaded, cql.monthLines(KEYSPACE, ServingWarehouse.OTHER));
  }

  @Test
  @Order(4)
  void rowsThatVanishUpstreamVanishFromCassandraAndOtherMonthsStay() {
    Month feb = ServingWarehouse.GOLDEN;
    // Museum_B's subtree leaves the graph: its series partitions, its top lists and its rows in
    // other top lists go.
    for (ServingTable table : ServingTable.all()) {
      List<String> gone = new ArrayList<>();
      if (table.columns().contains("category")) {
        gone.add("category IN (" + MUSEUM_B_CATEGORIES + ")");
      }
      if (table.columns().contains("media_file")) {
        gone.add("media_file IN (" + MUSEUM_B_FILES + ")");
      }
      if (!gone.isEmpty()) {
        session.sql("DELETE FROM " + Tables.serving(table.name()) + " WHERE "
            + table.monthKeyPredicate(feb) + " AND (" + String.join(" OR ", gone) + ")");
      }
    }
    // No edit by any user this month any more: the table's month becomes empty.
    session.sql("DELETE FROM serving.edits_per_user_monthly WHERE "
        + ServingTable.named("edits_per_user_monthly").monthKeyPredicate(feb));
    // Ranks move (new clustering keys in lists that stay) and a count changes in place.
    session.sql("UPDATE serving.top_viewed_categories_monthly SET rank = rank + 100 WHERE "
        + "category_scope = 'shallow' AND "
        + ServingTable.named("top_viewed_categories_monthly").monthKeyPredicate(feb));
    session.sql("UPDATE serving.category_metrics_snapshot SET media_file_count = "
        + "media_file_count + 7 WHERE category = 'Museum_A' AND "
        + ServingTable.named("category_metrics_snapshot").monthKeyPredicate(feb));
    Map<String, List<String>> upstream = ServingWarehouse.monthLines(session, feb);
    assertTrue(upstream.get("edits_per_user_monthly").isEmpty());

    long t0 = System.nanoTime();
    CimCli.Result reload = load(feb);
    assertEquals(0, reload.status(), reload.stderr());
    System.err.printf("[it] re-load after the upstream change took %.1f s%n", secondsSince(t0));

    assertEquals(upstream, cql.monthLines(KEYSPACE, feb));
    assertEquals(otherMonthLoaded, cql.monthLines(KEYSPACE, ServingWarehouse.OTHER));
    // The change reached every kind of deletion: whole series partitions, whole top lists, rows
    // of lists that stay, a table's whole month.
    assertTrue(upstream.get("category_metrics_snapshot").size()
        < ServingWarehouse.expectedLines("category_metrics_snapshot").size());
    assertTrue(upstream.get("top_editors_monthly").size()
        < ServingWarehouse.expectedLines("top_editors_monthly").size());
    assertTrue(cql.monthLines(KEYSPACE, ServingTable.named("edits_per_user_monthly"), feb)
        .isEmpty());
  }

  @Test
  @Order(5)
  void badInputAndUnreachableServerFailWithOneErrorLine() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CimCli.Result unreachable = CimCli.run("load-cassandra", "--month", "2024-02",
        "--warehouse", warehouse.toString(), "--cassandra", "127.0.0.1:" + closedPort);
    assertEquals(1, unreachable.status(), unreachable.stderr());
    assertTrue(unreachable.errorLine().startsWith("error: cannot connect to Cassandra at "
        + "--cassandra 127.0.0.1:" + closedPort), unreachable.stderr());

    // An unresolvable host must not fall back to a local node.
    CimCli.Result unknownHost = CimCli.run("load-cassandra", "--month", "2024-02",
        "--warehouse", warehouse.toString(), "--cassandra", "no-such-host.invalid:9042");
    assertEquals(2, unknownHost.status(), unknownHost.stderr());
    assertTrue(unknownHost.errorLine().contains("unknown host"), unknownHost.stderr());

    CimCli.Result missingMonth = load(Month.parse("2023-05"));
    assertEquals(2, missingMonth.status(), missingMonth.stderr());
    assertTrue(missingMonth.errorLine().contains("month 2023-05 is not in the warehouse"),
        missingMonth.stderr());

    CimCli.Result badKeyspace = CimCli.run("load-cassandra", "--month", "2024-02",
        "--warehouse", warehouse.toString(), "--cassandra", LocalCassandra.address(),
        "--keyspace", "no-such-keyspace");
    assertEquals(2, badKeyspace.status(), badKeyspace.stderr());
    assertTrue(badKeyspace.errorLine().contains("--keyspace"), badKeyspace.stderr());

    // A keyspace whose table has another primary key is refused before anything is written.
    cql.session.execute("CREATE KEYSPACE IF NOT EXISTS commons_other WITH replication = "
        + CassandraLoadOptions.DEFAULT_REPLICATION);
    cql.session.execute("CREATE TABLE IF NOT EXISTS commons_other.category_metrics_snapshot "
        + "(category text PRIMARY KEY, dt timestamp)");
    CimCli.Result wrongShape = CimCli.run("load-cassandra", "--month", "2024-02",
        "--warehouse", warehouse.toString(), "--cassandra", LocalCassandra.address(),
        "--keyspace", "commons_other");
    assertEquals(2, wrongShape.status(), wrongShape.stderr());
    assertTrue(wrongShape.errorLine().contains("category_metrics_snapshot has primary key"),
        wrongShape.stderr());
    assertEquals(1, cql.session.getMetadata().getKeyspace("commons_other").get().getTables()
        .size());
    assertFalse(cql.session.execute("SELECT * FROM commons_other.category_metrics_snapshot")
        .iterator().hasNext());
    cql.session.execute("DROP KEYSPACE commons_other");
  }

  private CimCli.Result load(Month month) {
    return CimCli.run("load-cassandra", "--month", month.toString(),
        "--warehouse", warehouse.toString(), "--cassandra", LocalCassandra.address(),
        "--keyspace", KEYSPACE, "--consistency", "LOCAL_QUORUM", "--batch-size", "50");
  }

  private CassandraLoader loader() {
    return new CassandraLoader(session, CassandraLoadOptions.parse(LocalCassandra.address(),
        KEYSPACE, "LOCAL_QUORUM", null, null, null));
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
