package org.commonsimpact.tables;

import static org.commonsimpact.tables.Column.bigint;
import static org.commonsimpact.tables.Column.integer;
import static org.commonsimpact.tables.Column.string;
import static org.commonsimpact.tables.Column.timestamp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;

/**
 * The fourteen serving tables of SPEC §7, each declared once here: its columns and types, its
 * Cassandra primary key and clustering order, and how its month is kept. From this declaration come
 * the Iceberg table {@code serving.<name>} the serving stage writes ({@link #schema()}), the CQL
 * the loader creates ({@link #cqlSchema}), the month predicates of both, and the API's endpoints
 * and JSON fields.
 *
 * <p>Two shapes exist. A <em>series</em> (tables 1–6) has one Cassandra partition per API path (the
 * path parameters other than {@code start}/{@code end}) and one row per month, clustered by {@code
 * dt}, so that a {@code [start, end)} request is one slice of one partition; in Iceberg it is
 * partitioned by {@code months(dt)}. A <em>top list</em> (tables 7–14) has one Cassandra partition
 * per API path and month ({@code year}, {@code month} are path parameters) holding at most 100
 * rows, clustered by {@code rank} and then the tie-break name columns of SPEC §7, so that reading
 * the partition in clustering order is the API's order; in Iceberg it is partitioned by {@code
 * year, month}. Column order (SPEC §10): the path columns, the month columns, then the values ({@code
 * dt} TIMESTAMP, {@code year}/{@code month}/{@code rank} INT, counts BIGINT, names STRING).
 */
public final class ServingTable {
  /** The Iceberg namespace of the serving tables. */
  public static final String NAMESPACE = "serving";

  private static final Map<String, ServingTable> ALL = new LinkedHashMap<>();

  static {
    series("category_metrics_snapshot", path(string("category")),
        bigint("media_file_count"), bigint("media_file_count_deep"),
        bigint("used_media_file_count"), bigint("used_media_file_count_deep"),
        bigint("leveraging_wiki_count"), bigint("leveraging_wiki_count_deep"),
        bigint("leveraging_page_count"), bigint("leveraging_page_count_deep"));
    series("media_file_metrics_snapshot", path(string("media_file")),
        bigint("leveraging_wiki_count"), bigint("leveraging_page_count"));
    series("pageviews_per_category_monthly",
        path(string("category"), string("category_scope"), string("wiki")),
        bigint("pageview_count"));
    series("pageviews_per_media_file_monthly", path(string("media_file"), string("wiki")),
        bigint("pageview_count"));
    series("edits_per_category_monthly",
        path(string("category"), string("category_scope"), string("edit_type")),
        bigint("edit_count"));
    series("edits_per_user_monthly", path(string("user_name"), string("edit_type")),
        bigint("edit_count"));
    top("top_pages_per_category_monthly",
        path(string("category"), string("category_scope"), string("wiki")),
        entry(string("page_wiki"), string("page_title")), tieBreak("page_title", "page_wiki"),
        bigint("pageview_count"));
    top("top_pages_per_media_file_monthly", path(string("media_file"), string("wiki")),
        entry(string("page_wiki"), string("page_title")), tieBreak("page_title", "page_wiki"),
        bigint("pageview_count"));
    top("top_wikis_per_category_monthly", path(string("category"), string("category_scope")),
        entry(string("wiki")), tieBreak("wiki"), bigint("pageview_count"));
    top("top_wikis_per_media_file_monthly", path(string("media_file")),
        entry(string("wiki")), tieBreak("wiki"), bigint("pageview_count"));
    top("top_viewed_categories_monthly", path(string("category_scope"), string("wiki")),
        entry(string("category")), tieBreak("category"), bigint("pageview_count"));
    top("top_viewed_media_files_monthly",
        path(string("category"), string("category_scope"), string("wiki")),
        entry(string("media_file")), tieBreak("media_file"), bigint("pageview_count"));
    top("top_edited_categories_monthly", path(string("category_scope"), string("edit_type")),
        entry(string("category")), tieBreak("category"), bigint("edit_count"));
    top("top_editors_monthly",
        path(string("category"), string("category_scope"), string("edit_type")),
        entry(string("user_name")), tieBreak("user_name"), bigint("edit_count"));
  }

  private final TableSchema schema;
  private final boolean topList;
  private final List<String> pathColumns;
  private final List<String> clusteringColumns;

  private ServingTable(TableSchema schema, boolean topList, List<Column> path,
      List<String> clusteringColumns) {
    this.schema = schema;
    this.topList = topList;
    List<String> pathNames = new ArrayList<>();
    path.forEach(c -> pathNames.add(c.name()));
    this.pathColumns = List.copyOf(pathNames);
    this.clusteringColumns = List.copyOf(clusteringColumns);
  }

  private static List<Column> path(Column... columns) {
    return List.of(columns);
  }

  private static List<Column> entry(Column... columns) {
    return List.of(columns);
  }

  private static List<String> tieBreak(String... columns) {
    return List.of(columns);
  }

  private static void series(String name, List<Column> path, Column... values) {
    List<Column> columns = new ArrayList<>(path);
    columns.add(timestamp("dt"));
    Collections.addAll(columns, values);
    add(new ServingTable(new TableSchema(NAMESPACE, name, MonthKey.DT, columns), false, path,
        List.of("dt")));
  }

  private static void top(String name, List<Column> path, List<Column> entry,
      List<String> tieBreak, Column count) {
    List<Column> columns = new ArrayList<>(path);
    columns.add(integer("year"));
    columns.add(integer("month"));
    columns.addAll(entry);
    columns.add(count);
    columns.add(integer("rank"));
    List<String> clustering = new ArrayList<>();
    clustering.add("rank");
    clustering.addAll(tieBreak);
    add(new ServingTable(new TableSchema(NAMESPACE, name, MonthKey.YEAR_AND_MONTH, columns), true,
        path, clustering));
  }

  private static void add(ServingTable table) {
    for (String column : table.primaryKey()) {
      if (table.schema.column(column).isEmpty()) {
        throw new IllegalStateException(table + ": key column " + column + " is not a column");
      }
    }
    ALL.put(table.name(), table);
  }

  /** The fourteen tables, in SPEC §7 order. */
  public static List<ServingTable> all() {
    return List.copyOf(ALL.values());
  }

  /** The fourteen table names, unqualified, in SPEC §7 order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /** The table of that name; an unknown name is an {@link InvalidInputException}. */
  public static ServingTable named(String name) {
    ServingTable table = ALL.get(name);
    if (table == null) {
      throw new InvalidInputException("unknown serving table '" + name + "' in --tables: the "
          + "tables are " + String.join(", ", ALL.keySet()));
    }
    return table;
  }

  public String name() {
    return schema.name();
  }

  /** The Iceberg table {@code serving.<name>}: columns, types, partitioning by month. */
  public TableSchema schema() {
    return schema;
  }

  /** {@code serving.<name>}. */
  public String qualifiedName() {
    return schema.qualifiedName();
  }

  /** Whether this is a top list (month in the partition key) rather than a series. */
  public boolean isTopList() {
    return topList;
  }

  /** Every column name, in the order of the table (SPEC §7, §10). */
  public List<String> columns() {
    return schema.columnNames();
  }

  /** The type of one of the table's columns. */
  public ColumnType type(String column) {
    return schema.column(column)
        .orElseThrow(() -> new IllegalArgumentException(name() + " has no column " + column))
        .type();
  }

  /** The Cassandra partition key: the API path parameters ({@code year}, {@code month} for top lists). */
  public List<String> partitionKey() {
    List<String> key = new ArrayList<>(pathColumns);
    if (topList) {
      key.addAll(MonthKey.YEAR_AND_MONTH.columns());
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

  /** The columns that hold the month: {@code dt}, or {@code year} and {@code month}. */
  public List<String> monthColumns() {
    return schema.monthKey().columns();
  }

  /** SparkSQL predicate selecting the month's rows; it covers whole Iceberg partitions. */
  public String monthPredicate(Month month) {
    return schema.monthPredicate(month);
  }

  /**
   * Equality on the month columns ({@code dt = TIMESTAMP '…'}, or {@code year = … AND month = …}):
   * the same rows as {@link #monthPredicate}, in the form Cassandra's indexes answer.
   */
  public String monthKeyPredicate(Month month) {
    return schema.monthKey().keyPredicate(month);
  }

  /**
   * The CQL that creates the table in {@code keyspace} when missing: the {@code CREATE TABLE}
   * first, then one storage-attached index per month column, with which the loader finds one
   * month's rows.
   */
  public List<String> cqlSchema(String keyspace) {
    List<String> statements = new ArrayList<>();
    StringBuilder create = new StringBuilder("CREATE TABLE IF NOT EXISTS ")
        .append(keyspace).append('.').append(name()).append(" (\n");
    for (Column column : schema.columns()) {
      create.append("  ").append(column.name()).append(' ').append(column.type().cql())
          .append(",\n");
    }
    List<String> order = new ArrayList<>();
    clusteringColumns.forEach(c -> order.add(c + " ASC"));
    create.append("  PRIMARY KEY ((").append(String.join(", ", partitionKey())).append("), ")
        .append(String.join(", ", clusteringColumns)).append(")\n")
        .append(") WITH CLUSTERING ORDER BY (").append(String.join(", ", order)).append(')');
    statements.add(create.toString());
    for (String column : monthColumns()) {
      statements.add("CREATE INDEX IF NOT EXISTS " + name() + "_" + column + " ON " + keyspace
          + "." + name() + " (" + column + ") USING 'sai'");
    }
    return statements;
  }

  /** {@code CREATE KEYSPACE IF NOT EXISTS} with a CQL replication map, for the serving tables. */
  public static String cqlKeyspace(String keyspace, String replication) {
    return "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication;
  }

  /**
   * The whole schema as a {@code cqlsh} script: the keyspace, then each table with its indexes, in
   * SPEC order, each statement ending with {@code ;}. The repository keeps it for {@code commons}
   * with the loader's default replication in {@code cql/serving-schema.cql} of the loader module,
   * for readers and for creating the schema by hand; the loader itself runs {@link #cqlKeyspace}
   * and {@link #cqlSchema}.
   */
  public static String cqlScript(String keyspace, String replication) {
    StringBuilder script = new StringBuilder()
        .append("-- The Cassandra schema of the fourteen serving tables (SPEC §7), keyspace ")
        .append(keyspace).append(".\n")
        .append("-- Generated from org.commonsimpact.tables.ServingTable (module cim-tables), where ")
        .append("each table is\n")
        .append("-- declared once; do not edit. cim load-cassandra creates the same for any ")
        .append("--keyspace.\n\n")
        .append(cqlKeyspace(keyspace, replication)).append(";\n");
    int number = 0;
    for (ServingTable table : ALL.values()) {
      number++;
      script.append("\n-- ").append(number).append(". ").append(table.name()).append(": ")
          .append(table.topList
              ? "top list, one partition per API path and month, rows in rank order."
              : "series, one partition per API path, one row per month (dt).")
          .append('\n');
      for (String statement : table.cqlSchema(keyspace)) {
        script.append(statement).append(";\n");
      }
    }
    return script.toString();
  }

  @Override
  public String toString() {
    return name();
  }
}
