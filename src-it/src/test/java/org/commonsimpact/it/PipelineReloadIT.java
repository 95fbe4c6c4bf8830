package org.commonsimpact.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 end to end, with the packaged jar ({@code bin/cim}, {@link PackagedCim}) and the real
 * pipeline: import the golden world, run its month, {@code load-cassandra} it, and check with the
 * Java driver that every table of keyspace {@code commons} holds exactly the rows of the golden
 * {@code expected/serving/<table>.tsv}. Then write another month with the driver, run the golden
 * month again with a smaller allow-list, re-load, and check that Cassandra's month equals the new
 * serving month of the warehouse — so the rows that left with the allow-list are gone — while the
 * other month is untouched.
 *
 * <p>The smaller allow-list keeps only {@code Museum_B}. Leaving out {@code Museum_B} instead, as
 * issue 7 first suggested, changes nothing in the golden world: Museum_B sits below
 * Museum_A_paintings, so its whole tree stays in the graph through Museum_A, and the serving tables
 * (which do not name primary categories) come out identical — a re-load would delete nothing.
 */
@ExtendWith(LocalCassandra.class)
class PipelineReloadIT {
  private static final String KEYSPACE = "commons";

  @Test
  void smallerAllowListLeavesExactlyTheNewMonth(@TempDir Path temp) throws IOException {
    Path golden = SparkTestSupport.goldenDir();
    String warehouse = temp.resolve("warehouse").toString();
    try (CqlTables cql = new CqlTables(LocalCassandra.address())) {
      cql.truncateAll(KEYSPACE);
      succeeds(PackagedCim.run("import-tsv", "--input", golden.resolve("input").toString(),
          "--warehouse", warehouse));
      succeeds(PackagedCim.run("run", "--month", ServingWarehouse.GOLDEN.toString(),
          "--allow-list", golden.resolve("allow_list.txt").toString(), "--warehouse", warehouse,
          "--dumps-root", temp.resolve("dumps").toString(), "--partial-pageviews"));
      load(warehouse);
      for (ServingTable table : ServingTable.all()) {
        assertEquals(ServingWarehouse.expectedLines(table.name()), cql.allLines(KEYSPACE, table),
            table.name());
      }

      for (ServingTable table : ServingTable.all()) {
        cql.insert(KEYSPACE, table, ServingWarehouse.otherMonthLines(table));
      }
      Map<String, List<String>> otherMonth = cql.monthLines(KEYSPACE, ServingWarehouse.OTHER);

      // The month again with the smaller allow-list (the dumps stage is not needed here).
      succeeds(PackagedCim.run("run", "--month", ServingWarehouse.GOLDEN.toString(),
          "--allow-list", onlyMuseumB(temp).toString(), "--warehouse", warehouse,
          "--stages", "graph,metrics,serving", "--partial-pageviews"));
      load(warehouse);

      SparkSession session = CimSession.open(warehouse);
      Map<String, List<String>> upstream =
          ServingWarehouse.monthLines(session, ServingWarehouse.GOLDEN);
      Map<String, List<String>> golden14 = new TreeMap<>();
      for (ServingTable table : ServingTable.all()) {
        golden14.put(table.name(), ServingWarehouse.expectedLines(table.name()));
      }
      // The allow-list change did change the month, and golden rows vanished from it: the
      // re-load had to delete rows, not only overwrite them.
      assertTrue(golden14.keySet().stream()
          .anyMatch(table -> !upstream.get(table).containsAll(golden14.get(table))),
          "the smaller allow-list removed no serving row of 2024-02");
      assertEquals(upstream, cql.monthLines(KEYSPACE, ServingWarehouse.GOLDEN));
      assertEquals(otherMonth, cql.monthLines(KEYSPACE, ServingWarehouse.OTHER));
    }
  }

  /** An allow-list of Museum_B alone: Museum_A's files and categories outside it leave. */
  private static Path onlyMuseumB(Path temp) throws IOException {
    Path file = temp.resolve("allow_list_museum_b.txt");
    Files.writeString(file, "Category:Museum B\n");
    return file;
  }

  private static void load(String warehouse) {
    succeeds(PackagedCim.run("load-cassandra", "--month", ServingWarehouse.GOLDEN.toString(),
        "--warehouse", warehouse, "--cassandra", LocalCassandra.address(),
        "--keyspace", KEYSPACE));
  }

  private static void succeeds(CimCli.Result result) {
    assertEquals(0, result.status(), result.errorLine());
  }
}
