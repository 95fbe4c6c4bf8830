package org.commonsimpact.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.commonsimpact.common.DriverThreads;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.MonthPartitions;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.SqlScript;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;
import org.commonsimpact.tables.Column;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.tables.TableSchema;

/**
 * The serving stage (SPEC §7, §9): derives the fourteen Cassandra-ready tables {@code
 * serving.<table>} of a month from that month's base tables, so that each public API endpoint
 * reads one table.
 *
 * <p>All logic is SparkSQL in {@code sql/serving/}: one file per table, named after it, and seven
 * shared intermediates that this class registers as temporary views (persisted, as several tables
 * read each): {@code deep_category_files}, {@code category_wiki_pageviews}, {@code
 * media_file_wiki_pageviews}, {@code category_user_edits}, and the per-wiki and per-type counts
 * with their 'all-wikis' / 'all-edit-types' rows that a table and its top list share ({@code
 * category_pageviews_with_all_wikis}, {@code media_file_pageviews_with_all_wikis}, {@code
 * category_edits_with_all_types}). This class only binds parameters, registers the views and
 * writes.
 *
 * <p>Inputs: the five base tables {@code commons.*} of SPEC §5 for the month, and, for the deep
 * figures of tables 5, 12, 13 and 14, {@code commons.category_file_membership} joined with {@code
 * commons.category_graph}: the base tables do not determine the deep sets of SPEC §3, which depend
 * on per-primary depths only the graph stage knows.
 *
 * <p>Each table's month is replaced in one Iceberg commit ({@code overwrite} by the month
 * predicate of {@link ServingTable#monthPredicate}), which also removes the month's stale rows
 * when the new result is empty and leaves other months untouched. The tables are independent of
 * each other, so up to {@link #CONCURRENT_WRITES} are written at once, each from its own driver
 * thread (Spark runs their jobs side by side, which keeps the cores busy while a job has fewer
 * tasks than cores or the driver plans and commits); the longest ones start first ({@link
 * #WRITE_ORDER}). Progress lines and the row counts of the run report ({@code
 * serving_row_counts}, read from each commit's snapshot summary by {@link
 * MonthPartitions#countMonth}) still come in table order, whatever order the writes finish in.
 */
public final class ServingStage implements Stage {
  public static final String NAME = "serving";

  /** Length of every top list (SPEC §7). */
  public static final int TOP_N = 100;

  /** Shared intermediates, in dependency order; each is {@code sql/serving/<name>.sql}. */
  static final List<String> INTERMEDIATES =
      List.of(
          "deep_category_files",
          "category_wiki_pageviews",
          "media_file_wiki_pageviews",
          "category_user_edits",
          "category_pageviews_with_all_wikis",
          "media_file_pageviews_with_all_wikis",
          "category_edits_with_all_types");

  /** How many tables are written at once, each from its own driver thread. */
  static final int CONCURRENT_WRITES = 3;

  /**
   * The order in which the writes start: the tables whose jobs take longest (they also compute the
   * shared deep intermediates) first, so that the short ones fill the gaps; then the others in
   * table order. Any order gives the same tables.
   */
  static final List<String> WRITE_ORDER;

  private static final List<String> LONGEST_FIRST =
      List.of(
          "edits_per_category_monthly",
          "top_viewed_media_files_monthly",
          "top_pages_per_category_monthly",
          "top_editors_monthly",
          "pageviews_per_category_monthly");

  static {
    List<String> order = new ArrayList<>(LONGEST_FIRST);
    for (String table : ServingTable.names()) {
      if (!order.contains(table)) {
        order.add(table);
      }
    }
    WRITE_ORDER = List.copyOf(order);
  }

  /** Tables the stage reads; all must exist. */
  static final List<String> INPUTS;

  static {
    List<String> inputs = new ArrayList<>();
    for (String table : Tables.BASE_TABLES) {
      inputs.add(Tables.commons(table));
    }
    inputs.add(Tables.CATEGORY_GRAPH);
    inputs.add(Tables.CATEGORY_FILE_MEMBERSHIP);
    INPUTS = List.copyOf(inputs);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(StageContext context) {
    SparkSession session = context.session();
    Month month = context.month();
    List<String> missing = MonthPartitions.missingTables(session, INPUTS);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("serving stage: input table(s) missing: "
          + String.join(", ", missing) + " (run the graph and metrics stages first)");
    }
    Map<String, Object> parameters = parameters(month);
    Map<String, Long> rowCounts = new LinkedHashMap<>();
    List<Dataset<Row>> persisted = registerIntermediates(session, parameters);
    try {
      writeAll(session, month, parameters, (table, rows) -> {
        rowCounts.put(table.name(), rows);
        Progress.step(NAME, "{}: {} rows for {}", table.qualifiedName(), rows, month);
      });
    } finally {
      dropIntermediates(session, persisted);
    }
    context.report().put("serving_row_counts", rowCounts);
  }

  /** Receives each table's row count, in table order. */
  interface WrittenTable {
    void accept(ServingTable table, long rows);
  }

  /**
   * Writes every table's month, {@link #CONCURRENT_WRITES} at a time in {@link #WRITE_ORDER}, and
   * hands each table's row count to {@code written} in table order as soon as that table and all
   * tables before it are written. If a write fails, the jobs of the others are cancelled, every
   * thread is waited for, and the first failure in table order that is not such a cancellation is
   * thrown ({@link DriverThreads#awaitInOrder}).
   */
  private static void writeAll(SparkSession session, Month month, Map<String, Object> parameters,
      WrittenTable written) {
    try (DriverThreads writers = new DriverThreads(session, NAME + "-writer", CONCURRENT_WRITES)) {
      Map<String, Future<Long>> results = new LinkedHashMap<>();
      for (String name : WRITE_ORDER) {
        ServingTable table = ServingTable.named(name);
        results.put(name, writers.submit(NAME + ": " + table.qualifiedName(),
            () -> write(session, table, month, parameters)));
      }
      List<Future<Long>> inTableOrder = new ArrayList<>();
      ServingTable.all().forEach(table -> inTableOrder.add(results.get(table.name())));
      DriverThreads.awaitInOrder(inTableOrder,
          (i, rows) -> written.accept(ServingTable.all().get(i), rows));
    }
  }

  /**
   * Computes the shared intermediates and registers each as a temporary view named after its file;
   * returns the persisted datasets, for {@link #dropIntermediates}.
   */
  static List<Dataset<Row>> registerIntermediates(SparkSession session,
      Map<String, Object> parameters) {
    List<Dataset<Row>> persisted = new ArrayList<>();
    try {
      for (String name : INTERMEDIATES) {
        Dataset<Row> view =
            SqlScript.load(NAME, name).run(session, parameters)
                .persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(view);
        view.createOrReplaceTempView(name);
      }
    } catch (RuntimeException e) {
      dropIntermediates(session, persisted);
      throw e;
    }
    return persisted;
  }

  /** Drops the intermediates' temporary views and frees their cached data. */
  static void dropIntermediates(SparkSession session, List<Dataset<Row>> persisted) {
    for (String name : INTERMEDIATES) {
      session.catalog().dropTempView(name);
    }
    persisted.forEach(Dataset::unpersist);
  }

  /** The values bound to the {@code ${name}} parameters of the stage's SQL files. */
  static Map<String, Object> parameters(Month month) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("month", month.toString());
    parameters.put("year", month.year());
    parameters.put("month_number", month.monthNumber());
    parameters.put("dt", month.firstDay() + " 00:00:00");
    parameters.put("dt_end", month.firstDay().plusMonths(1) + " 00:00:00");
    parameters.put("top_n", TOP_N);
    return parameters;
  }

  /** Replaces the month of one table in one commit; returns the month's rows now in the table. */
  private static long write(SparkSession session, ServingTable table, Month month,
      Map<String, Object> parameters) {
    TableSchema schema = table.schema();
    Dataset<Row> result = SqlScript.load(NAME, table.name()).run(session, parameters);
    List<String> expected = schema.columnNames();
    if (!List.of(result.columns()).equals(expected)) {
      throw new IllegalStateException("sql/serving/" + table.name() + ".sql returns columns "
          + List.of(result.columns()) + ", expected " + expected);
    }
    List<String> typed = new ArrayList<>();
    for (Column column : schema.columns()) {
      typed.add("CAST(" + column.name() + " AS " + column.type().sql() + ") AS " + column.name());
    }
    MonthPartitions.overwriteMonth(session, schema,
        result.selectExpr(typed.toArray(new String[0])), month);
    return MonthPartitions.countMonth(session, schema, month);
  }
}
