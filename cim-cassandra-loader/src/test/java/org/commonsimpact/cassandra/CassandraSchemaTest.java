package org.commonsimpact.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.commonsimpact.tables.ServingTable;
import org.junit.jupiter.api.Test;

/** The CQL derived from {@link ServingTable}, the earlier schema and the golden serving tables agree. */
class CassandraSchemaTest {
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "CREATE TABLE IF NOT EXISTS \\$\\{keyspace}\\.(\\w+) \\((.*)PRIMARY KEY \\(\\(([^)]*)\\)"
          + "(?:, ([^)]*))?\\)\\s*\\) WITH CLUSTERING ORDER BY \\(([^)]*)\\)", Pattern.DOTALL);

  @Test
  void tablesAreTheFourteenServingTablesInSpecOrder() {
    List<String> names = new ArrayList<>();
    ServingTable.all().forEach(t -> names.add(t.name()));
    assertEquals(Tables.SERVING_TABLES, names);
    assertEquals(List.of(
        "category_metrics_snapshot", "media_file_metrics_snapshot",
        "pageviews_per_category_monthly", "pageviews_per_media_file_monthly",
        "edits_per_category_monthly", "edits_per_user_monthly",
        "top_pages_per_category_monthly", "top_pages_per_media_file_monthly",
        "top_wikis_per_category_monthly", "top_wikis_per_media_file_monthly",
        "top_viewed_categories_monthly", "top_viewed_media_files_monthly",
        "top_edited_categories_monthly", "top_editors_monthly"), names);
  }

  @Test
  void columnsAreTheGoldenHeaderRows() {
    Path dir = SparkTestSupport.goldenDir().resolve("expected/serving");
    for (ServingTable table : ServingTable.all()) {
      String header = SparkTestSupport.readLines(dir.resolve(table.name() + ".tsv")).get(0);
      assertEquals(Arrays.asList(header.split("\t")), table.columns(), table.name());
    }
  }

  @Test
  void cqlDeclaresTheColumnsTypesAndPrimaryKey() {
    for (ServingTable table : ServingTable.all()) {
      List<String> statements = table.cqlSchema("${keyspace}");
      Matcher m = CREATE_TABLE.matcher(statements.get(0));
      assertTrue(m.matches(), table.name() + ": " + statements.get(0));
      assertEquals(table.name(), m.group(1));
      Map<String, String> declared = new LinkedHashMap<>();
      for (String line : m.group(2).split(",")) {
        if (!line.isBlank()) {
          String[] nameType = line.trim().split("\\s+");
          declared.put(nameType[0], nameType[1]);
        }
      }
      Map<String, String> expected = new LinkedHashMap<>();
      table.columns().forEach(c -> expected.put(c, earlierCqlType(c)));
      assertEquals(expected, declared, table.name());
      assertEquals(table.partitionKey(), List.of(m.group(3).split(",\\s*")), table.name());
      assertEquals(table.clusteringColumns(), List.of(m.group(4).split(",\\s*")), table.name());
      List<String> order = new ArrayList<>();
      table.clusteringColumns().forEach(c -> order.add(c + " ASC"));
      assertEquals(String.join(", ", order), m.group(5), table.name());
      // One storage-attached index per month column, so the loader finds a month's rows.
      List<String> indexed = new ArrayList<>();
      for (String statement : statements.subList(1, statements.size())) {
        Matcher idx = Pattern.compile("CREATE INDEX IF NOT EXISTS " + table.name()
            + "_(\\w+) ON \\$\\{keyspace}\\." + table.name() + " \\((\\w+)\\) USING 'sai'")
            .matcher(statement);
        assertTrue(idx.matches(), statement);
        assertEquals(idx.group(1), idx.group(2));
        indexed.add(idx.group(2));
      }
      assertEquals(table.monthColumns(), indexed, table.name());
    }
  }

  @Test
  void topListsArePartitionedByMonthAndClusteredByRankThenTieBreak() {
    ServingTable pages = ServingTable.named("top_pages_per_category_monthly");
    assertTrue(pages.isTopList());
    assertEquals(List.of("category", "category_scope", "wiki", "year", "month"),
        pages.partitionKey());
    assertEquals(List.of("rank", "page_title", "page_wiki"), pages.clusteringColumns());
    ServingTable series = ServingTable.named("edits_per_user_monthly");
    assertEquals(List.of("user_name", "edit_type"), series.partitionKey());
    assertEquals(List.of("dt"), series.clusteringColumns());
    assertEquals("dt = TIMESTAMP '2024-02-01 00:00:00'",
        series.monthKeyPredicate(Month.parse("2024-02")));
    assertEquals("year = 2024 AND month = 2", pages.monthKeyPredicate(Month.parse("2024-02")));
    assertEquals("dt >= TIMESTAMP '2024-02-01 00:00:00' AND dt < TIMESTAMP '2024-03-01 00:00:00'",
        series.monthPredicate(Month.parse("2024-02")));
    assertEquals("year = 2024 AND month = 2", pages.monthPredicate(Month.parse("2024-02")));
  }

  @Test
  void keyspaceScriptTakesTheReplication() {
    assertEquals("CREATE KEYSPACE IF NOT EXISTS commons WITH replication = "
        + CassandraLoadOptions.DEFAULT_REPLICATION,
        ServingTable.cqlKeyspace("commons", CassandraLoadOptions.DEFAULT_REPLICATION));
  }

  /**
   * The CQL types of the hand-written schema files this declaration replaced: {@code dt}
   * timestamp, year/month/rank int, counts bigint, else text.
   */
  private static String earlierCqlType(String column) {
    if (column.equals("dt")) {
      return "timestamp";
    }
    if (column.equals("year") || column.equals("month") || column.equals("rank")) {
      return "int";
    }
    if (column.endsWith("_count") || column.endsWith("_count_deep")) {
      return "bigint";
    }
    return "text";
  }
}
