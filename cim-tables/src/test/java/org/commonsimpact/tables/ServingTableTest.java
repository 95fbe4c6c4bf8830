package org.commonsimpact.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.junit.jupiter.api.Test;

/** What one declaration of a serving table yields: Iceberg DDL, CQL, keys and month predicates. */
class ServingTableTest {
  private static final Month FEB = Month.parse("2024-02");

  @Test
  void aSeriesIsKeyedByPathAndClusteredByDt() {
    ServingTable table = ServingTable.named("edits_per_user_monthly");
    assertFalse(table.isTopList());
    assertEquals("serving.edits_per_user_monthly", table.qualifiedName());
    assertEquals(List.of("user_name", "edit_type", "dt", "edit_count"), table.columns());
    assertEquals(List.of("user_name", "edit_type"), table.partitionKey());
    assertEquals(List.of("dt"), table.clusteringColumns());
    assertEquals(List.of("dt"), table.monthColumns());
    assertEquals("CREATE TABLE IF NOT EXISTS serving.edits_per_user_monthly (user_name STRING, "
        + "edit_type STRING, dt TIMESTAMP, edit_count BIGINT) USING iceberg PARTITIONED BY "
        + "(months(dt))", table.schema().createIfAbsentSql());
    assertEquals(List.of(
        "CREATE TABLE IF NOT EXISTS ks.edits_per_user_monthly (\n"
            + "  user_name text,\n"
            + "  edit_type text,\n"
            + "  dt timestamp,\n"
            + "  edit_count bigint,\n"
            + "  PRIMARY KEY ((user_name, edit_type), dt)\n"
            + ") WITH CLUSTERING ORDER BY (dt ASC)",
        "CREATE INDEX IF NOT EXISTS edits_per_user_monthly_dt ON ks.edits_per_user_monthly (dt) "
            + "USING 'sai'"), table.cqlSchema("ks"));
    assertEquals("dt >= TIMESTAMP '2024-02-01 00:00:00' AND dt < TIMESTAMP '2024-03-01 00:00:00'",
        table.monthPredicate(FEB));
    assertEquals("dt = TIMESTAMP '2024-02-01 00:00:00'", table.monthKeyPredicate(FEB));
  }

  @Test
  void aTopListIsKeyedByPathAndMonthAndClusteredByRankThenTieBreak() {
    ServingTable table = ServingTable.named("top_pages_per_media_file_monthly");
    assertTrue(table.isTopList());
    assertEquals(List.of("media_file", "wiki", "year", "month", "page_wiki", "page_title",
        "pageview_count", "rank"), table.columns());
    assertEquals(List.of("media_file", "wiki", "year", "month"), table.partitionKey());
    assertEquals(List.of("rank", "page_title", "page_wiki"), table.clusteringColumns());
    assertEquals(ColumnType.INT, table.type("rank"));
    assertEquals(ColumnType.BIGINT, table.type("pageview_count"));
    assertEquals("CREATE TABLE IF NOT EXISTS serving.top_pages_per_media_file_monthly (media_file "
        + "STRING, wiki STRING, year INT, month INT, page_wiki STRING, page_title STRING, "
        + "pageview_count BIGINT, rank INT) USING iceberg PARTITIONED BY (year, month)",
        table.schema().createIfAbsentSql());
    List<String> cql = table.cqlSchema("ks");
    assertEquals(3, cql.size());
    assertTrue(cql.get(0).endsWith("  PRIMARY KEY ((media_file, wiki, year, month), rank, "
        + "page_title, page_wiki)\n) WITH CLUSTERING ORDER BY (rank ASC, page_title ASC, "
        + "page_wiki ASC)"), cql.get(0));
    assertEquals("CREATE INDEX IF NOT EXISTS top_pages_per_media_file_monthly_month ON "
        + "ks.top_pages_per_media_file_monthly (month) USING 'sai'", cql.get(2));
    assertEquals("year = 2024 AND month = 2", table.monthPredicate(FEB));
    assertEquals("year = 2024 AND month = 2", table.monthKeyPredicate(FEB));
  }

  @Test
  void everyColumnHasOneTypeAcrossTables() {
    java.util.Map<String, ColumnType> seen = new java.util.HashMap<>();
    for (ServingTable table : ServingTable.all()) {
      for (Column column : table.schema().columns()) {
        ColumnType before = seen.putIfAbsent(column.name(), column.type());
        assertTrue(before == null || before == column.type(), table + "." + column.name());
      }
    }
    assertEquals(14, ServingTable.all().size());
  }

  @Test
  void anUnknownTableIsInvalidInput() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ServingTable.named("no_such_table"));
    assertTrue(e.getMessage().contains("--tables"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ServingTable.named("top_editors_monthly").type("no_such_column"));
  }

  @Test
  void theKeyspaceTakesTheReplication() {
    assertEquals("CREATE KEYSPACE IF NOT EXISTS ks WITH replication = {'class': "
        + "'SimpleStrategy', 'replication_factor': 1}", ServingTable.cqlKeyspace("ks",
        "{'class': 'SimpleStrategy', 'replication_factor': 1}"));
  }

  @Test
  void aMonthColumnMustBeAColumn() {
    assertThrows(IllegalArgumentException.class, () -> new TableSchema("n", "t", MonthKey.DT,
        List.of(Column.string("year_month"))));
  }
}
