package org.commonsimpact.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Tables;

/**
 * How big the month's {@code commons_pageviews_per_category_monthly} is, against a variant that
 * would keep only the primary categories' rows (issue 20's growth study).
 *
 * <p>The table has a row per (category, scope, wiki, page) for every category of the graph, so its
 * size is the sum over categories of the pages using their (shallow or deep) files; the primaries-only
 * count is what a pipeline reporting only the allow-listed categories would write.
 *
 * @param rows all rows of the month
 * @param deepRows the rows of scope {@code deep}
 * @param primaryRows the rows whose category is a primary category
 * @param categories the categories with at least one row
 */
record CategoryPageviewsGrowth(long rows, long deepRows, long primaryRows, long categories) {

  /** Counts the month's rows; run after the metrics stage. */
  static CategoryPageviewsGrowth of(SparkSession session, Month month) {
    String m = month.toString();
    Row row = session.sql(
        "WITH primaries AS ("
            + " SELECT page_title FROM " + Tables.CATEGORY_GRAPH
            + " WHERE year_month = '" + m + "' AND page_type = 'category' AND is_primary)"
            + " SELECT COUNT(*), COUNT_IF(p.category_scope = 'deep'),"
            + " COUNT_IF(pr.page_title IS NOT NULL), COUNT(DISTINCT p.category)"
            + " FROM " + Tables.commons(Tables.PAGEVIEWS_PER_CATEGORY) + " AS p"
            + " LEFT JOIN primaries AS pr ON pr.page_title = p.category"
            + " WHERE p.year_month = '" + m + "'")
        .first();
    return new CategoryPageviewsGrowth(row.getLong(0), row.getLong(1), row.getLong(2),
        row.getLong(3));
  }

  /** Rows of the table per row of the primaries-only variant. */
  double ratioToPrimariesOnly() {
    return primaryRows > 0 ? (double) rows / primaryRows : 0;
  }
}
