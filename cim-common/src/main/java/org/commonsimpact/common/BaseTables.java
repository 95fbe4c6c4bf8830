package org.commonsimpact.common;

import static org.commonsimpact.tables.Column.integer;
import static org.commonsimpact.tables.Column.bigint;
import static org.commonsimpact.tables.Column.string;
import static org.commonsimpact.tables.Column.strings;
import static org.commonsimpact.tables.Column.timestamp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.tables.Column;
import org.commonsimpact.tables.MonthKey;
import org.commonsimpact.tables.TableSchema;

/**
 * The five base tables of SPEC §5, declared once: columns exactly as published, and their month:
 * {@code year_month} for four of them, a hidden month partition on {@code dt} for {@code
 * commons_edits}. The metrics stage creates them from here; dumps and serving read them.
 */
public final class BaseTables {
  private BaseTables() {}

  private static final Map<String, TableSchema> SCHEMAS = new LinkedHashMap<>();

  static {
    declare(Tables.CATEGORY_METRICS, MonthKey.YEAR_MONTH,
        string("category"), strings("parent_categories"), strings("primary_categories"),
        integer("media_file_count"), integer("media_file_count_deep"),
        integer("used_media_file_count"), integer("used_media_file_count_deep"),
        integer("leveraging_wiki_count"), integer("leveraging_wiki_count_deep"),
        integer("leveraging_page_count"), integer("leveraging_page_count_deep"),
        string("year_month"));
    declare(Tables.MEDIA_FILE_METRICS, MonthKey.YEAR_MONTH,
        string("media_file"), string("media_type"), strings("categories"),
        strings("primary_categories"), integer("leveraging_wiki_count"),
        integer("leveraging_page_count"), string("year_month"));
    declare(Tables.PAGEVIEWS_PER_CATEGORY, MonthKey.YEAR_MONTH,
        string("category"), string("category_scope"), strings("primary_categories"),
        string("wiki"), string("page_title"), bigint("pageview_count"), string("year_month"));
    declare(Tables.PAGEVIEWS_PER_MEDIA_FILE, MonthKey.YEAR_MONTH,
        string("media_file"), strings("categories"), strings("primary_categories"),
        string("wiki"), string("page_title"), bigint("pageview_count"), string("year_month"));
    declare(Tables.EDITS, MonthKey.DT,
        string("user_name"), string("edit_type"), string("media_file"), strings("categories"),
        strings("primary_categories"), timestamp("dt"));
    if (!List.copyOf(SCHEMAS.keySet()).equals(Tables.BASE_TABLES)) {
      throw new IllegalStateException("base table schemas out of step with Tables.BASE_TABLES");
    }
  }

  private static void declare(String table, MonthKey monthKey, Column... columns) {
    SCHEMAS.put(table, new TableSchema(Tables.COMMONS, table, monthKey, List.of(columns)));
  }

  /** The declaration of a base table, by unqualified name. */
  public static TableSchema schema(String table) {
    TableSchema schema = SCHEMAS.get(table);
    if (schema == null) {
      throw new IllegalArgumentException("not a base table: " + table);
    }
    return schema;
  }

  /** {@code name TYPE} of each column, in published order. */
  public static List<String> columns(String table) {
    return schema(table).sqlColumns();
  }

  /** Whether the month of a row is the {@code year_month} column (else the month of {@code dt}). */
  public static boolean hasYearMonth(String table) {
    return schema(table).monthKey() == MonthKey.YEAR_MONTH;
  }

  /** SQL predicate selecting one month of the table's rows. */
  public static String monthFilter(String table, Month month) {
    return schema(table).monthPredicate(month);
  }

  /** Creates the table in namespace {@code commons} unless it exists. */
  public static void createIfMissing(SparkSession session, String table) {
    MonthPartitions.createIfAbsent(session, schema(table));
  }
}
