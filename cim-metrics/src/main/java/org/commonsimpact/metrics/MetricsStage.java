package org.commonsimpact.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.commonsimpact.common.BaseTables;
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
 * (usage of graph files, file sets per category and scope, pages per category, viewed pages),
 * materializes the ones read several times, checks revision timestamps, and replaces each table's
 * month in one Iceberg commit.
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
    try {
      register(session, "graph_files", parameters);
      register(session, "graph_category_rows", parameters);
      register(session, "category_file_scopes", parameters);
      materialize(session, "media_file_usage", parameters, persisted);
      materialize(session, "viewed_pages", parameters, persisted);
      materialize(session, "category_pages", parameters, persisted);
      materialize(session, "graph_file_revisions", parameters, persisted);
      Progress.step(NAME, "usage, pageviews and revisions of graph files ready");

      List<Row> invalid = sql(session, "invalid_revision_timestamps", parameters).collectAsList();
      if (!invalid.isEmpty()) {
        throw new InvalidInputException(Tables.REVISION + ": revisions of graph files with a "
            + "rev_timestamp that is not a valid yyyyMMddHHmmss time: " + invalid.stream()
                .map(r -> "rev_id " + r.get(0) + " '" + r.get(1) + "'").toList());
      }

      Map<String, Long> rowCounts = new TreeMap<>();
      for (String table : Tables.BASE_TABLES) {
        TableSchema schema = BaseTables.schema(table);
        MonthPartitions.overwriteMonth(session, schema, sql(session, table, parameters), month);
        long count = MonthPartitions.countMonth(session, schema, month);
        rowCounts.put(table, count);
        Progress.step(NAME, "{} written for {}: {} rows", Tables.commons(table), month, count);
      }
      context.report().put("row_counts", rowCounts);
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private static void requireGraph(SparkSession session) {
    List<String> missing = MonthPartitions.missingTables(session,
        List.of(Tables.CATEGORY_GRAPH, Tables.CATEGORY_FILE_MEMBERSHIP));
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "metrics stage: " + missing.get(0) + " does not exist; run the graph stage first");
    }
  }

  /** Registers an intermediate read once, as a view computed where it is read. */
  private static void register(SparkSession session, String name, Map<String, Object> parameters) {
    sql(session, name, parameters).createOrReplaceTempView(name);
  }

  /**
   * Registers an intermediate read several times: computed once now and kept in Spark's columnar
   * cache (compressed, spilled to local disk when memory is short); added to {@code persisted},
   * which the caller releases.
   */
  private static void materialize(SparkSession session, String name,
      Map<String, Object> parameters, List<Dataset<Row>> persisted) {
    Dataset<Row> rows = sql(session, name, parameters).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(rows);
    rows.createOrReplaceTempView(name);
    rows.count();
  }

  private static Dataset<Row> sql(SparkSession session, String name, Map<String, Object> parameters) {
    return SqlScript.load(NAME, name).run(session, parameters);
  }
}
