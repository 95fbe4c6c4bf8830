package org.commonsimpact.graph;

import java.util.Map;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.DriverThreads;
import org.commonsimpact.common.GraphTables;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.MonthPartitions;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph stage: allow-list → {@code commons.category_graph} and the internal deep membership
 * table {@code commons.category_file_membership} for the month (SPEC §3).
 *
 * <p>The allow-list is read and validated before anything is written; each table's month is then
 * replaced in one Iceberg commit, so a failed run leaves the previous month's rows in place (when
 * one of the two writes fails after the other committed, the committed one holds the new month
 * and the run fails; re-running the month replaces both).
 */
public final class GraphStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(GraphStage.class);
  public static final String NAME = "graph";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void requireInputs(StageContext context, Readiness readiness) {
    readiness.requireSnapshot(
        SourceTables.MEDIAWIKI_PAGE,
        SourceTables.MEDIAWIKI_CATEGORYLINKS,
        SourceTables.MEDIAWIKI_LINKTARGET);
  }

  @Override
  public void run(StageContext context) {
    SparkSession session = context.session();
    String location = context.options().allowList();
    AllowList allowList =
        AllowList.parse(
            AllowListSource.read(location, session.sparkContext().hadoopConfiguration()),
            location);
    context.report().put("allow_list", allowList.titles());
    Progress.step(NAME, "allow-list {}: {} titles", location, allowList.titles().size());

    CategoryGraphBuilder builder =
        new CategoryGraphBuilder(session, context.month(), context.options().maxDepth());
    CategoryGraphBuilder.Result result = builder.build(allowList.titles());
    context.report().put("primary_categories", result.found());
    context.report().put("allow_list_not_found", result.notFound());
    for (String title : result.notFound()) {
      LOG.warn("allow-list entry not found as a commonswiki category in {}: '{}'",
          context.month(), title);
    }

    String month = context.month().toString();
    writeBoth(session, builder, context.month());

    Row counts = MonthPartitions.month(session, GraphTables.CATEGORY_GRAPH, context.month())
        .selectExpr("COUNT_IF(page_type = 'category')", "COUNT_IF(page_type = 'file')")
        .first();
    long categories = counts.getLong(0);
    long files = counts.getLong(1);
    context.report().put("graph_row_counts",
        new java.util.TreeMap<>(Map.of("categories", categories, "files", files)));
    Progress.step(NAME, "{} written for {}: {} categories, {} files", Tables.CATEGORY_GRAPH,
        month, categories, files);
  }

  /**
   * Replaces the month of both tables, each in one commit. They are computed and written at the
   * same time (the membership from a second driver thread): neither reads the other, and each
   * has phases (planning, single-task tails, the commit) that would leave cores idle on their own.
   */
  private static void writeBoth(SparkSession session, CategoryGraphBuilder builder, Month month) {
    try (DriverThreads writer = new DriverThreads(session, "graph-membership-writer", 1)) {
      Future<Boolean> membership = writer.submit("graph: " + Tables.CATEGORY_FILE_MEMBERSHIP,
          () -> {
            MonthPartitions.overwriteMonth(session, GraphTables.CATEGORY_FILE_MEMBERSHIP,
                builder.categoryFileMembership(), month);
            return true;
          });
      MonthPartitions.overwriteMonth(session, GraphTables.CATEGORY_GRAPH, builder.categoryGraph(),
          month);
      DriverThreads.await(membership);
      Progress.step(NAME, "{} and {} replaced for {}", Tables.CATEGORY_GRAPH,
          Tables.CATEGORY_FILE_MEMBERSHIP, month);
    }
  }
}
