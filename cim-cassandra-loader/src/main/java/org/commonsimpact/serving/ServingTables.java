package org.commonsimpact.serving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Tables;

/**
 * Schemas of the fourteen serving tables of SPEC §7, as the Iceberg tables {@code
 * serving.<table>} hold them (SPEC §10): the key columns then the value columns in the order of
 * §7's table, {@code dt} TIMESTAMP, {@code year}/{@code month}/{@code rank} INT, counts BIGINT.
 *
 * <p>Each table is keyed by month in one of two ways, which also decides its partitioning and the
 * predicate that selects one month's rows: the snapshot and monthly-count tables by {@code dt}
 * (first day of the month, partitioned by {@code months(dt)}), the top lists by {@code year} and
 * {@code month} (identity partitions). Both predicates cover whole partitions, so replacing a
 * month is a metadata-only delete of the old files plus the new files, in one commit. The Cassandra
 * loader reads the same tables; its schema files must agree with these columns.
 */
public final class ServingTables {
  private ServingTables() {}

  /** How a table's rows name their month. */
  public enum MonthKey {
    /** A {@code dt} TIMESTAMP column: the first day of the month, 00:00 UTC. */
    DT,
    /** INT columns {@code year} and {@code month} ({@code 2}, not {@code 02}). */
    YEAR_MONTH
  }

  private record Schema(MonthKey monthKey, List<String> columns) {}

  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

  static {
    dt("category_metrics_snapshot",
        "category STRING", "dt TIMESTAMP",
        "media_file_count BIGINT", "media_file_count_deep BIGINT",
        "used_media_file_count BIGINT", "used_media_file_count_deep BIGINT",
        "leveraging_wiki_count BIGINT", "leveraging_wiki_count_deep BIGINT",
        "leveraging_page_count BIGINT", "leveraging_page_count_deep BIGINT");
    dt("media_file_metrics_snapshot",
        "media_file STRING", "dt TIMESTAMP",
        "leveraging_wiki_count BIGINT", "leveraging_page_count BIGINT");
    dt("pageviews_per_category_monthly",
        "category STRING", "category_scope STRING", "wiki STRING", "dt TIMESTAMP",
        "pageview_count BIGINT");
    dt("pageviews_per_media_file_monthly",
        "media_file STRING", "wiki STRING", "dt TIMESTAMP", "pageview_count BIGINT");
    dt("edits_per_category_monthly",
        "category STRING", "category_scope STRING", "edit_type STRING", "dt TIMESTAMP",
        "edit_count BIGINT");
    dt("edits_per_user_monthly",
        "user_name STRING", "edit_type STRING", "dt TIMESTAMP", "edit_count BIGINT");
    yearMonth("top_pages_per_category_monthly",
        "category STRING", "category_scope STRING", "wiki STRING", "year INT", "month INT",
        "page_wiki STRING", "page_title STRING", "pageview_count BIGINT", "rank INT");
    yearMonth("top_pages_per_media_file_monthly",
        "media_file STRING", "wiki STRING", "year INT", "month INT",
        "page_wiki STRING", "page_title STRING", "pageview_count BIGINT", "rank INT");
    yearMonth("top_wikis_per_category_monthly",
        "category STRING", "category_scope STRING", "year INT", "month INT",
        "wiki STRING", "pageview_count BIGINT", "rank INT");
    yearMonth("top_wikis_per_media_file_monthly",
        "media_file STRING", "year INT", "month INT",
        "wiki STRING", "pageview_count BIGINT", "rank INT");
    yearMonth("top_viewed_categories_monthly",
        "category_scope STRING", "wiki STRING", "year INT", "month INT",
        "category STRING", "pageview_count BIGINT", "rank INT");
    yearMonth("top_viewed_media_files_monthly",
        "category STRING", "category_scope STRING", "wiki STRING", "year INT", "month INT",
        "media_file STRING", "pageview_count BIGINT", "rank INT");
    yearMonth("top_edited_categories_monthly",
        "category_scope STRING", "edit_type STRING", "year INT", "month INT",
        "category STRING", "edit_count BIGINT", "rank INT");
    yearMonth("top_editors_monthly",
        "category STRING", "category_scope STRING", "edit_type STRING", "year INT", "month INT",
        "user_name STRING", "edit_count BIGINT", "rank INT");
    if (!new ArrayList<>(SCHEMAS.keySet()).equals(Tables.SERVING_TABLES)) {
      throw new IllegalStateException("serving schemas out of step with Tables.SERVING_TABLES");
    }
  }

  private static void dt(String table, String... columns) {
    SCHEMAS.put(table, new Schema(MonthKey.DT, List.of(columns)));
  }

  private static void yearMonth(String table, String... columns) {
    SCHEMAS.put(table, new Schema(MonthKey.YEAR_MONTH, List.of(columns)));
  }

  private static Schema schema(String table) {
    Schema schema = SCHEMAS.get(table);
    if (schema == null) {
      throw new IllegalArgumentException("not a serving table: " + table);
    }
    return schema;
  }

  /** The fourteen table names, unqualified, in SPEC §7 order. */
  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(SCHEMAS.keySet()));
  }

  /** {@code name TYPE} of each column, keys first, in SPEC §7 order. */
  public static List<String> columns(String table) {
    return schema(table).columns();
  }

  /** Column names only, in order. */
  public static List<String> columnNames(String table) {
    return columns(table).stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
  }

  public static MonthKey monthKey(String table) {
    return schema(table).monthKey();
  }

  /** The Iceberg partition spec: {@code months(dt)} or {@code year, month}. */
  public static String partitioning(String table) {
    return monthKey(table) == MonthKey.DT ? "months(dt)" : "year, month";
  }

  /**
   * SQL predicate selecting exactly one month's rows of the table; it covers whole partitions, so
   * Iceberg can drop the month's files without rewriting any.
   */
  public static String monthCondition(String table, Month month) {
    if (monthKey(table) == MonthKey.DT) {
      return "dt >= TIMESTAMP '" + month.firstDay() + " 00:00:00' AND dt < TIMESTAMP '"
          + month.firstDay().plusMonths(1) + " 00:00:00'";
    }
    return "year = " + month.year() + " AND month = " + month.monthNumber();
  }

  /** Creates {@code serving.<table>} unless it exists. */
  public static void createIfMissing(SparkSession session, String table) {
    session.sql("CREATE TABLE IF NOT EXISTS " + Tables.serving(table) + " ("
        + String.join(", ", columns(table)) + ") USING iceberg PARTITIONED BY ("
        + partitioning(table) + ")");
  }
}
