package org.commonsimpact.tables;

import java.util.List;

/**
 * The two small Cassandra tables that index what is loaded, for the dashboard (issue 19): the
 * category titles of each loaded month, clustered by title so that a prefix search is one range
 * on one partition, and the loaded months in one partition. Declared here, beside the serving
 * tables, because the loader writes them and the API reads them; neither is a serving table of
 * the specification's §7, and the API's AQS paths never read them.
 */
public final class LoadedIndexTables {
  /** Category titles per month, clustered by title for prefix ranges. */
  public static final String TITLES_TABLE = "loaded_categories_monthly";
  /** One row per loaded month, all in one partition. */
  public static final String MONTHS_TABLE = "loaded_months";
  /** The only partition of {@link #MONTHS_TABLE}. */
  public static final String MONTHS_PARTITION = "serving";

  private LoadedIndexTables() {}

  /** The two tables' CQL, {@code IF NOT EXISTS}. */
  public static List<String> ddl(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + TITLES_TABLE + " (year int, month int, "
            + "category text, PRIMARY KEY ((year, month), category)) "
            + "WITH CLUSTERING ORDER BY (category ASC)",
        "CREATE TABLE IF NOT EXISTS " + keyspace + "." + MONTHS_TABLE + " (dataset text, "
            + "year int, month int, category_count bigint, PRIMARY KEY ((dataset), year, month)) "
            + "WITH CLUSTERING ORDER BY (year DESC, month DESC)");
  }
}
