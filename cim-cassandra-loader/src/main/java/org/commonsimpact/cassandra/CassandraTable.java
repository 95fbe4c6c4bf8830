package org.commonsimpact.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Tables;

/**
 * One of the fourteen Cassandra tables of SPEC §7, as the loader sees it: its columns, its primary
 * key and how to select one month of it.
 *
 * <p>Two shapes exist. A <em>series</em> (tables 1–6) has one partition per API path (the path
 * parameters other than {@code start}/{@code end}) and one row per month, clustered by {@code dt}
 * so that a {@code [start, end)} request is one slice of one partition. A <em>top list</em> (tables
 * 7–14) has one partition per API path and month ({@code year}, {@code month} are path parameters)
 * holding at most 100 rows, clustered by {@code rank} and then the tie-break name columns of SPEC §7,
 * so that reading the partition in clustering order is the API's order. The DDL lives in {@code
 * cql/<table>.cql}; {@code CassandraSchemaTest} checks that it agrees with this class.
 */
public final class CassandraTable {
  private static final Map<String, CassandraTable> ALL = new LinkedHashMap<>();

  static {
    series("category_metrics_snapshot", List.of("category"),
        "media_file_count", "media_file_count_deep", "used_media_file_count",
        "used_media_file_count_deep", "leveraging_wiki_count", "leveraging_wiki_count_deep",
        "leveraging_page_count", "leveraging_page_count_deep");
    series("media_file_metrics_snapshot", List.of("media_file"),
        "leveraging_wiki_count", "leveraging_page_count");
    series("pageviews_per_category_monthly", List.of("category", "category_scope", "wiki"),
        "pageview_count");
    series("pageviews_per_media_file_monthly", List.of("media_file", "wiki"), "pageview_count");
    series("edits_per_category_monthly", List.of("category", "category_scope", "edit_type"),
        "edit_count");
    series("edits_per_user_monthly", List.of("user_name", "edit_type"), "edit_count");
    top("top_pages_per_category_monthly", List.of("category", "category_scope", "wiki"),
        List.of("page_wiki", "page_title"), List.of("page_title", "page_wiki"), "pageview_count");
    top("top_pages_per_media_file_monthly", List.of("media_file", "wiki"),
        List.of("page_wiki", "page_title"), List.of("page_title", "page_wiki"), "pageview_count");
    top("top_wikis_per_category_monthly", List.of("category", "category_scope"),
        List.of("wiki"), List.of("wiki"), "pageview_count");
    top("top_wikis_per_media_file_monthly", List.of("media_file"),
        List.of("wiki"), List.of("wiki"), "pageview_count");
    top("top_viewed_categories_monthly", List.of("category_scope", "wiki"),
        List.of("category"), List.of("category"), "pageview_count");
    top("top_viewed_media_files_monthly", List.of("category", "category_scope", "wiki"),
        List.of("media_file"), List.of("media_file"), "pageview_count");
    top("top_edited_categories_monthly", List.of("category_scope", "edit_type"),
        List.of("category"), List.of("category"), "edit_count");
    top("top_editors_monthly", List.of("category", "category_scope", "edit_type"),
        List.of("user_name"), List.of("user_name"), "edit_count");
    if (!new ArrayList<>(ALL.keySet()).equals(Tables.SERVING_TABLES)) {
      throw new IllegalStateException("Cassandra tables out of step with Tables.SERVING_TABLES");
    }
  }

  private final String name;
  private final boolean topList;
  private final List<String> pathColumns;
  private final List<String> clusteringColumns;
  private final List<String> columns;

  private CassandraTable(String name, boolean topList, List<String> pathColumns,
      List<String> clusteringColumns, List<String> columns) {
    this.name = name;
    this.topList = topList;
    this.pathColumns = List.copyOf(pathColumns);
    this.clusteringColumns = List.copyOf(clusteringColumns);
    this.columns = List.copyOf(columns);
  }

  private static void series(String name, List<String> path, String... values) {
    List<String> columns = new ArrayList<>(path);
    columns.add("dt");
    Collections.addAll(columns, values);
    ALL.put(name, new CassandraTable(name, false, path, List.of("dt"), columns));
  }

  private static void top(String name, List<String> path, List<String> nameColumns,
      List<String> tieBreak, String count) {
    List<String> columns = new ArrayList<>(path);
    columns.add("year");
    columns.add("month");
    columns.addAll(nameColumns);
    columns.add(count);
    columns.add("rank");
    List<String> clustering = new ArrayList<>();
    clustering.add("rank");
    clustering.addAll(tieBreak);
    ALL.put(name, new CassandraTable(name, true, path, clustering, columns));
  }

  /** The fourteen tables, in SPEC order. */
  public static List<CassandraTable> all() {
    return List.copyOf(ALL.values());
  }

  /** The table of that name; an unknown name is an {@link InvalidInputException}. */
  public static CassandraTable named(String name) {
    CassandraTable table = ALL.get(name);
    if (table == null) {
      throw new InvalidInputException("unknown serving table '" + name + "' in --tables: the "
          + "tables are " + String.join(", ", ALL.keySet()));
    }
    return table;
  }

  public String name() {
    return name;
  }

  /** Whether this is a top list (month in the partition key) rather than a series. */
  public boolean isTopList() {
    return topList;
  }

  /** Every column, in the order of the Iceberg table {@code serving.<name>} (SPEC §7, §10). */
  public List<String> columns() {
    return columns;
  }

  /** The partition key: the API path parameters ({@code year}, {@code month} for top lists). */
  public List<String> partitionKey() {
    List<String> key = new ArrayList<>(pathColumns);
    if (topList) {
      key.add("year");
      key.add("month");
    }
    return key;
  }

  /** {@code dt} for a series; {@code rank} and the tie-break name columns for a top list. */
  public List<String> clusteringColumns() {
    return clusteringColumns;
  }

  /** Partition key then clustering columns. */
  public List<String> primaryKey() {
    List<String> key = partitionKey();
    key.addAll(clusteringColumns);
    return key;
  }

  /** The CQL type of a column: {@code dt} timestamp, year/month/rank int, counts bigint, else text. */
  public static String cqlType(String column) {
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

  /** A SparkSQL predicate selecting the rows of {@code month} (dt, or year and month). */
  public String monthPredicate(Month month) {
    if (topList) {
      return "year = " + month.year() + " AND month = " + month.monthNumber();
    }
    return "dt = TIMESTAMP '" + month.firstDay() + " 00:00:00'";
  }

  /** The columns that hold the month: {@code dt}, or {@code year} and {@code month}. */
  public List<String> monthColumns() {
    return topList ? List.of("year", "month") : List.of("dt");
  }

  /** The CQL statements of {@code cql/<name>.cql} for {@code keyspace}, without comments. */
  public List<String> ddl(String keyspace) {
    return CqlScript.statements(CqlScript.resource("cql/" + name + ".cql"),
        Map.of("keyspace", keyspace));
  }

  @Override
  public String toString() {
    return name;
  }

  /** Reads and splits the repository's CQL files. */
  static final class CqlScript {
    private CqlScript() {}

    static String resource(String path) {
      try (InputStream in = CassandraTable.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("CQL file " + path + " missing from the class path");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Statements separated by {@code ;}, {@code --} comment lines dropped, ${name} replaced. */
    static List<String> statements(String script, Map<String, String> values) {
      StringBuilder text = new StringBuilder();
      for (String line : script.split("\n")) {
        if (!line.trim().startsWith("--")) {
          text.append(line).append('\n');
        }
      }
      String substituted = text.toString();
      for (Map.Entry<String, String> e : values.entrySet()) {
        substituted = substituted.replace("${" + e.getKey() + "}", e.getValue());
      }
      List<String> statements = new ArrayList<>();
      for (String statement : substituted.split(";")) {
        if (!statement.isBlank()) {
          statements.add(statement.trim());
        }
      }
      return statements;
    }
  }
}
