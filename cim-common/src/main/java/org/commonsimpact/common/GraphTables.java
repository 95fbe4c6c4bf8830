package org.commonsimpact.common;

import static org.commonsimpact.tables.Column.bigint;
import static org.commonsimpact.tables.Column.bool;
import static org.commonsimpact.tables.Column.integer;
import static org.commonsimpact.tables.Column.string;
import static org.commonsimpact.tables.Column.strings;

import java.util.List;
import org.commonsimpact.tables.MonthKey;
import org.commonsimpact.tables.TableSchema;

/**
 * The two tables the graph stage writes, declared once, both kept by {@code year_month}: the
 * public graph of SPEC §3 and the internal deep membership that the metrics and serving stages
 * read.
 */
public final class GraphTables {
  private GraphTables() {}

  /** {@value Tables#CATEGORY_GRAPH}: SPEC §3. */
  public static final TableSchema CATEGORY_GRAPH = new TableSchema(Tables.COMMONS,
      "category_graph", MonthKey.YEAR_MONTH, List.of(
          bigint("page_id"), string("page_title"), string("page_type"), bool("is_primary"),
          integer("depth"), strings("parent_categories"), strings("primary_categories"),
          string("year_month")));

  /** {@value Tables#CATEGORY_FILE_MEMBERSHIP}: (category, file) pairs, shallow pairs flagged. */
  public static final TableSchema CATEGORY_FILE_MEMBERSHIP = new TableSchema(Tables.COMMONS,
      "category_file_membership", MonthKey.YEAR_MONTH, List.of(
          bigint("category_id"), bigint("file_id"), bool("is_shallow"), string("year_month")));

  static {
    if (!CATEGORY_GRAPH.qualifiedName().equals(Tables.CATEGORY_GRAPH)
        || !CATEGORY_FILE_MEMBERSHIP.qualifiedName().equals(Tables.CATEGORY_FILE_MEMBERSHIP)) {
      throw new IllegalStateException("graph table schemas out of step with Tables");
    }
  }
}
