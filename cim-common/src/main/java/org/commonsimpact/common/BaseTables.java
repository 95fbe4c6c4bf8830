package org.commonsimpact.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Column lists of the five base tables of SPEC §5, exactly as published, and their partitioning:
 * {@code year_month} for four of them, a hidden month partition on {@code dt} for {@code
 * commons_edits}. The metrics stage creates them from here; dumps and serving read them.
 */
public final class BaseTables {
  private BaseTables() {}

  private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(Tables.CATEGORY_METRICS, List.of(
        "category STRING", "parent_categories ARRAY<STRING>", "primary_categories ARRAY<STRING>",
        "media_file_count INT", "media_file_count_deep INT",
        "used_media_file_count INT", "used_media_file_count_deep INT",
        "leveraging_wiki_count INT", "leveraging_wiki_count_deep INT",
        "leveraging_page_count INT", "leveraging_page_count_deep INT",
        "year_month STRING"));
    COLUMNS.put(Tables.MEDIA_FILE_METRICS, List.of(
        "media_file STRING", "media_type STRING", "categories ARRAY<STRING>",
        "primary_categories ARRAY<STRING>", "leveraging_wiki_count INT",
        "leveraging_page_count INT", "year_month STRING"));
    COLUMNS.put(Tables.PAGEVIEWS_PER_CATEGORY, List.of(
        "category STRING", "category_scope STRING", "primary_categories ARRAY<STRING>",
        "wiki STRING", "page_title STRING", "pageview_count BIGINT", "year_month STRING"));
    COLUMNS.put(Tables.PAGEVIEWS_PER_MEDIA_FILE, List.of(
        "media_file STRING", "categories ARRAY<STRING>", "primary_categories ARRAY<STRING>",
        "wiki STRING", "page_title STRING", "pageview_count BIGINT", "year_month STRING"));
    COLUMNS.put(Tables.EDITS, List.of(
        "user_name STRING", "edit_type STRING", "media_file STRING", "categories ARRAY<STRING>",
        "primary_categories ARRAY<STRING>", "dt TIMESTAMP"));
  }

  /** {@code name TYPE} of each column, in published order. */
  public static List<String> columns(String table) {
    List<String> columns = COLUMNS.get(table);
    if (columns == null) {
      throw new IllegalArgumentException("not a base table: " + table);
    }
    return columns;
  }

  /** Whether the month of a row is the {@code year_month} column (else the month of {@code dt}). */
  public static boolean hasYearMonth(String table) {
    return !table.equals(Tables.EDITS);
  }

  /** SQL predicate selecting one month of the table's rows. */
  public static String monthFilter(String table, Month month) {
    if (hasYearMonth(table)) {
      return "year_month = '" + month + "'";
    }
    return "dt >= TIMESTAMP '" + month.firstDay() + " 00:00:00' AND dt < TIMESTAMP '"
        + month.firstDay().plusMonths(1) + " 00:00:00'";
  }

  /** Creates the table in namespace {@code commons} unless it exists. */
  public static void createIfMissing(SparkSession session, String table) {
    String partitioning = hasYearMonth(table) ? "year_month" : "months(dt)";
    session.sql("CREATE TABLE IF NOT EXISTS " + Tables.commons(table) + " ("
        + String.join(", ", columns(table)) + ") USING iceberg PARTITIONED BY (" + partitioning + ")");
  }
}
