package org.commonsimpact.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.commonsimpact.common.BaseTables;
import org.commonsimpact.common.DriverThreads;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.MonthPartitions;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.SqlScript;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;
import org.commonsimpact.tables.TableSchema;

/**
 * The metrics stage: the month's graph joined with usage, pageviews and revisions into the five
 * base tables of SPEC §5.
 *
 * <p>All set logic is in {@code sql/metrics/}; this class registers the shared intermediates
 * (graph files, usage of graph files, viewed pages, pages per category, revisions of graph files),
 * checks revision timestamps, and replaces each table's month in one Iceberg commit.
 *
 * <p>The intermediates read by several queries are kept in Spark's columnar cache, each computed
 * once, by the first job that reads it; the category rows, read twice, are a plain view. The
 * timestamp check runs first (it computes the revisions), and while it runs, a second driver thread
 * computes the pages per category (and with them usage and viewed pages): no table changes unless
 * every timestamp is valid. Then the five tables are written by concurrent jobs from driver threads
 * (see {@link DriverThreads}); their progress lines and row counts come in table order.
 */
public final class MetricsStage implements Stage {
  public static final String NAME = "metrics";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void requireInputs(StageContext context, Readiness readiness) {
    readiness
        .requireSnapshot(
            SourceTables.MEDIAWIKI_PAGE,
            SourceTables.MEDIAWIKI_LINKTARGET,
            SourceTables.MEDIAWIKI_IMAGELINKS,
            SourceTables.MEDIAWIKI_IMAGE,
            SourceTables.MEDIAWIKI_REVISION,
            SourceTables.MEDIAWIKI_ACTOR)
        .requireTable(SourceTables.WIKIS.qualifiedName())
        .requirePageviews(context.options().partialPageviews());
  }

  @Override
  public void run(StageContext context) {
    SparkSession session = context.session();
    Month month = context.month();
    requireGraph(session);
    Map<String, Object> parameters = Map.of(
        "month", month.toString(),
        "year", month.year(),
        "month_number", month.monthNumber(),
        "month_start", month.mediawikiStart(),
        "month_end", month.mediawikiEnd());

    List<Dataset<Row>> persisted = new ArrayList<>();
    try (DriverThreads threads =
        new DriverThreads(session, "cim-metrics", Tables.BASE_TABLES.size())) {
      register(session, "graph_category_rows", parameters);
      // In dependency order: a cached intermediate's plan reads the ones cached before it.
      persist(session, "graph_files", parameters, persisted);
      persist(session, "media_file_usage", parameters, persisted);
      persist(session, "viewed_pages", parameters, persisted);
      Dataset<Row> categoryPages = persist(session, "category_pages", parameters, persisted);
      persist(session, "graph_file_revisions", parameters, persisted);

      // Computes the cached pages per category (the count itself is not used) beside the check;
      // cancelled if the check fails, as no table will be written then.
      Future<Long> pages = threads.submit("metrics: pages per category", categoryPages::count);
      try {
        checkRevisionTimestamps(session, parameters);
      } catch (RuntimeException e) {
        threads.cancel();
        try {
          DriverThreads.await(pages);
        } catch (RuntimeException cancelled) {
          e.addSuppressed(cancelled);
        }
        throw e;
      }
      DriverThreads.await(pages);
      Progress.step(NAME,
          "revision timestamps checked; usage, pageviews and pages per category ready");

      Map<String, Long> rowCounts = new TreeMap<>();
      List<Callable<Long>> writes = Tables.BASE_TABLES.stream()
          .map(table -> (Callable<Long>) () -> write(session, table, parameters, month))
          .toList();
      threads.all("metrics: write", writes, (i, count) -> {
        String table = Tables.BASE_TABLES.get(i);
        rowCounts.put(table, count);
        Progress.step(NAME, "{} written for {}: {} rows", Tables.commons(table), month, count);
      });
      context.report().put("row_counts", rowCounts);
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  /**
   * Stops the stage with an {@link InvalidInputException} listing up to five revisions of graph
   * files whose timestamp is not a valid time (SPEC §9), before any table is written.
   */
  private static void checkRevisionTimestamps(SparkSession session, Map<String, Object> parameters) {
    List<Row> invalid = sql(session, "invalid_revision_timestamps", parameters).collectAsList();
    if (!invalid.isEmpty()) {
      throw new InvalidInputException(Tables.REVISION + ": revisions of graph files with a "
          + "rev_timestamp that is not a valid yyyyMMddHHmmss time: " + invalid.stream()
              .map(r -> "rev_id " + r.get(0) + " '" + r.get(1) + "'").toList());
    }
  }

  /** Replaces the table's month with its query's rows; returns the month's row count. */
  private static long write(SparkSession session, String table, Map<String, Object> parameters,
      Month month) {
    TableSchema schema = BaseTables.schema(table);
    MonthPartitions.overwriteMonth(session, schema, sql(session, table, parameters), month);
    return MonthPartitions.countMonth(session, schema, month);
  }

  private static void requireGraph(SparkSession session) {
    List<String> missing = MonthPartitions.missingTables(session,
        List.of(Tables.CATEGORY_GRAPH, Tables.CATEGORY_FILE_MEMBERSHIP));
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "metrics stage: " + missing.get(0) + " does not exist; run the graph stage first");
    }
  }

  /** Registers a small intermediate as a plain view, computed where it is read. */
  private static void register(SparkSession session, String name, Map<String, Object> parameters) {
    sql(session, name, parameters).createOrReplaceTempView(name);
  }

  /**
   * Registers an intermediate read several times, kept in Spark's columnar cache (compressed,
   * spilled to local disk when memory is short) once the first job that reads it has computed it;
   * added to {@code persisted}, which the caller releases.
   */
  private static Dataset<Row> persist(SparkSession session, String name,
      Map<String, Object> parameters, List<Dataset<Row>> persisted) {
    Dataset<Row> rows = sql(session, name, parameters).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(rows);
    rows.createOrReplaceTempView(name);
    return rows;
  }

  private static Dataset<Row> sql(SparkSession session, String name, Map<String, Object> parameters) {
    return SqlScript.load(NAME, name).run(session, parameters);
  }
}
