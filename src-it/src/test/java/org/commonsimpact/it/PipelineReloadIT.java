package org.commonsimpact.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.cassandra.CassandraTable;
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
 * month again with an allow-list without {@code Museum_B}, re-load, and check that Cassandra's
 * month equals the new serving month of the warehouse — so rows that belonged to Museum_B's tree
 * are gone — while the other month is untouched.
 */
@ExtendWith(LocalCassandra.class)
class PipelineReloadIT {
  private static final String KEYSPACE = "commons";

  @Test
  void museumBLeavesCassandraWithTheAllowList(@TempDir Path temp) throws IOException {
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
      for (CassandraTable table : CassandraTable.all()) {
        assertEquals(ServingWarehouse.expectedLines(table.name()), cql.allLines(KEYSPACE, table),
            table.name());
      }

      for (CassandraTable table : CassandraTable.all()) {
        cql.insert(KEYSPACE, table, ServingWarehouse.otherMonthLines(table));
      }
      Map<String, List<String>> otherMonth = cql.monthLines(KEYSPACE, ServingWarehouse.OTHER);

      // The month again, Museum_B left out of the allow-list (the dumps stage is not needed here).
      succeeds(PackagedCim.run("run", "--month", ServingWarehouse.GOLDEN.toString(),
          "--allow-list", withoutMuseumB(golden, temp).toString(), "--warehouse", warehouse,
          "--stages", "graph,metrics,serving", "--partial-pageviews"));
      load(warehouse);

      SparkSession session = CimSession.open(warehouse);
      Map<String, List<String>> upstream =
          ServingWarehouse.monthLines(session, ServingWarehouse.GOLDEN);
      Map<String, List<String>> golden14 = new TreeMap<>();
      for (CassandraTable table : CassandraTable.all()) {
        golden14.put(table.name(), ServingWarehouse.expectedLines(table.name()));
      }
      // The allow-list change did change the month, and golden rows vanished from it: the
      // re-load had to delete rows, not only overwrite them.
      assertNotEquals(golden14, upstream);
      assertTrue(golden14.keySet().stream()
          .anyMatch(table -> !upstream.get(table).containsAll(golden14.get(table))));
      assertEquals(upstream, cql.monthLines(KEYSPACE, ServingWarehouse.GOLDEN));
      assertEquals(otherMonth, cql.monthLines(KEYSPACE, ServingWarehouse.OTHER));
    }
  }

  /** The golden allow-list minus its Museum_B line (written {@code Category:Museum B} there). */
  private static Path withoutMuseumB(Path golden, Path temp) throws IOException {
    List<String> all = Files.readAllLines(golden.resolve("allow_list.txt"));
    List<String> kept = new ArrayList<>();
    for (String line : all) {
      String title = line.trim().replaceFirst("(?i)^category:", "").trim()
          .replaceAll("[ _]+", "_").toLowerCase(Locale.ROOT);
      if (!title.equals("museum_b")) {
        kept.add(line);
      }
    }
    assertEquals(all.size() - 1, kept.size());
    Path file = temp.resolve("allow_list_without_museum_b.txt");
    Files.write(file, kept);
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
