package org.commonsimpact.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.spark.connector.cql.CassandraConnector;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.MonthPartitions;
import org.commonsimpact.common.Progress;
import org.commonsimpact.tables.ServingTable;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Loads one month of the Iceberg serving tables ({@code serving.<table>}, SPEC §7) into the
 * Cassandra keyspace that the public API reads, with the Spark Cassandra Connector.
 *
 * <p>Steps, in an order that leaves nothing a re-run would not repair:
 *
 * <ol>
 *   <li>connect (an unreachable node fails before any Spark work);
 *   <li>read each selected table's month from the warehouse (cached for the steps below) and check
 *       it: the tables exist, the month is there (some serving table has rows for it), no row has
 *       a NULL or duplicate primary key — all before writing anything;
 *   <li>create the keyspace and the tables from their declaration ({@link ServingTable}) when
 *       missing, and refuse a keyspace whose tables have another shape;
 *   <li>per table: upsert the month's rows, then read back the keys of that month from Cassandra
 *       (found through a storage-attached index on {@code dt}, or on {@code year} and {@code
 *       month}) and delete those the new data does not have — a whole partition for a top list
 *       whose API path vanished that month, single rows otherwise.
 * </ol>
 *
 * <p>Tables are processed {@value #PARALLEL_TABLES} at a time. Writing before deleting means a
 * reader never sees the month missing; a crash between the two leaves extra stale rows that the
 * next load of the month removes, because the stale keys are read from Cassandra itself rather than
 * remembered. Other months are never read or touched. See docs/cassandra.md.
 */
public final class CassandraLoader {
  /** The Spark Cassandra Connector's data source name. */
  public static final String FORMAT = "org.apache.spark.sql.cassandra";
  private static final String STAGE = "load-cassandra";
  /** Tables loaded at the same time. */
  static final int PARALLEL_TABLES = 4;

  private final SparkSession session;
  private final CassandraLoadOptions options;
  private final Map<String, String> settings = new LinkedHashMap<>();

  /**
   * What one table's load did: rows upserted, stale rows deleted one by one, stale top-list
   * partitions deleted whole (their rows are not counted in {@code rowsDeleted}).
   */
  public record TableResult(String table, long rowsWritten, long rowsDeleted,
      long partitionsDeleted, long millis) {}

  public CassandraLoader(SparkSession session, CassandraLoadOptions options) {
    this.session = session;
    this.options = options;
    settings.put("spark.cassandra.connection.host", options.host());
    settings.put("spark.cassandra.connection.port", String.valueOf(options.port()));
    settings.put("spark.cassandra.output.consistency.level", options.consistency().name());
    settings.put("spark.cassandra.input.consistency.level", options.consistency().name());
    if (options.batchSizeRows() > 0) {
      settings.put("spark.cassandra.output.batch.size.rows",
          String.valueOf(options.batchSizeRows()));
    }
    // Also passed as options to every read and write: the connector's data source takes its
    // settings from the JVM's active or default Spark session, which is not this one when the
    // session was made with newSession() (CimSession does), and would then fall back to
    // localhost:9042.
    settings.forEach((k, v) -> session.conf().set(k, v));
  }

  /** Loads {@code month}; returns one result per table, in SPEC order. */
  public List<TableResult> load(Month month) {
    CassandraConnector connector = connector();
    try (CqlSession cql = connect(connector)) {
      requireServingTables();
      Map<ServingTable, Dataset<Row>> fresh = new LinkedHashMap<>();
      try {
        for (ServingTable table : options.tables()) {
          fresh.put(table, session.table(table.qualifiedName())
              .where(table.monthKeyPredicate(month))
              .selectExpr(table.columns().toArray(new String[0]))
              .persist(StorageLevel.MEMORY_AND_DISK()));
        }
        List<long[]> stats = inParallel("check", table -> keyStats(table, fresh.get(table)));
        long[] rows = checkMonth(month, stats);
        createSchema(cql);
        List<TableResult> results = inParallel("load", table -> loadTable(connector, table,
            month, fresh.get(table), rows[options.tables().indexOf(table)]));
        LoadedCategories.record(cql, options, month, fresh);
        return results;
      } finally {
        fresh.values().forEach(Dataset::unpersist);
      }
    }
  }

  /**
   * Runs {@code work} for every selected table, {@value #PARALLEL_TABLES} tables at a time: each
   * table is a few small Spark jobs and Cassandra round trips, so running several at once keeps the
   * executors busy. Every table is attempted; the first failure, in table order, is thrown after
   * all have ended.
   */
  private <T> List<T> inParallel(String step, Function<ServingTable, T> work) {
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(PARALLEL_TABLES, options.tables().size()), runnable -> {
          Thread thread = new Thread(runnable, "load-cassandra-" + step);
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (ServingTable table : options.tables()) {
        futures.add(pool.submit(() -> {
          session.sparkContext().setJobDescription(STAGE + " " + step + " " + table.name());
          return work.apply(table);
        }));
      }
      List<T> results = new ArrayList<>();
      RuntimeException failure = null;
      for (Future<T> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException
                ? (RuntimeException) e.getCause()
                : new CassandraLoadException(e.getCause().getMessage(), e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CassandraLoadException("interrupted", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private CassandraConnector connector() {
    SparkConf conf = session.sparkContext().getConf().clone();
    settings.forEach(conf::set);
    return CassandraConnector.apply(conf);
  }

  private CqlSession connect(CassandraConnector connector) {
    // The connector drops contact points it cannot resolve and the driver then falls back to
    // 127.0.0.1:9042: a typo in the host name must not load into a local node instead.
    try {
      InetAddress.getByName(options.host());
    } catch (UnknownHostException e) {
      throw new InvalidInputException("invalid --cassandra " + options.address()
          + ": unknown host '" + options.host() + "'", e);
    }
    try {
      return connector.openSession();
    } catch (Exception e) {
      throw new CassandraLoadException("cannot connect to Cassandra at --cassandra "
          + options.address() + ": " + reason(e), e);
    }
  }

  /** Why a connection failed: the first node's error, else the innermost message. */
  static String reason(Throwable e) {
    Throwable reason = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      reason = t;
      if (t instanceof AllNodesFailedException) {
        for (List<Throwable> errors : ((AllNodesFailedException) t).getAllErrors().values()) {
          if (!errors.isEmpty()) {
            reason = errors.get(0);
          }
          break;
        }
        break;
      }
    }
    String message = reason.getMessage() == null ? reason.getClass().getSimpleName()
        : reason.getMessage();
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  // ---------------------------------------------------------------- warehouse checks

  private void requireServingTables() {
    List<String> qualified = new ArrayList<>();
    options.tables().forEach(table -> qualified.add(table.qualifiedName()));
    List<String> missing = MonthPartitions.missingTables(session, qualified);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("the warehouse has no " + String.join(", ", missing)
          + ": run the serving stage first");
    }
  }

  /**
   * Rows, distinct primary keys and rows with a NULL key column in one table's month; computing
   * them also fills the cache of {@code fresh}.
   */
  private static long[] keyStats(ServingTable table, Dataset<Row> fresh) {
    List<String> isNull = new ArrayList<>();
    for (String column : table.primaryKey()) {
      isNull.add(column + " IS NULL");
    }
    Row row = fresh.selectExpr("count(*)",
        "count(DISTINCT " + String.join(", ", table.primaryKey()) + ")",
        "count_if(" + String.join(" OR ", isNull) + ")").first();
    return new long[] {row.getLong(0), row.getLong(1), row.getLong(2)};
  }

  /**
   * Refuses a month that is not in the warehouse (no serving table has a row for it: loading it
   * would only delete) and rows Cassandra cannot take as they are (NULL or duplicate primary keys,
   * where an upsert would silently keep one of the duplicates). Returns the row counts.
   */
  private long[] checkMonth(Month month, List<long[]> stats) {
    long[] rows = new long[stats.size()];
    long total = 0;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < stats.size(); i++) {
      ServingTable table = options.tables().get(i);
      long[] s = stats.get(i);
      rows[i] = s[0];
      total += s[0];
      if (s[2] > 0) {
        problems.add(table.qualifiedName() + " has " + s[2]
            + " rows with a NULL primary-key column");
      } else if (s[1] != s[0]) {
        problems.add(table.qualifiedName() + " has " + s[0] + " rows but " + s[1]
            + " distinct primary keys " + table.primaryKey());
      }
    }
    if (total == 0 && !monthInOtherTables(month)) {
      throw new InvalidInputException("month " + month + " is not in the warehouse: no serving "
          + "table has rows for it (run the pipeline for " + month + " first)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("month " + month + ": " + String.join("; ", problems));
    }
    return rows;
  }

  /** Whether a serving table outside --tables has a row of the month. */
  private boolean monthInOtherTables(Month month) {
    List<String> branches = new ArrayList<>();
    for (ServingTable table : ServingTable.all()) {
      if (!options.tables().contains(table)
          && session.catalog().tableExists(table.qualifiedName())) {
        branches.add("SELECT 1 AS one FROM " + table.qualifiedName() + " WHERE "
            + table.monthKeyPredicate(month));
      }
    }
    return !branches.isEmpty()
        && !session.sql(String.join(" UNION ALL ", branches) + " LIMIT 1").isEmpty();
  }

  // ---------------------------------------------------------------- schema

  private void createSchema(CqlSession cql) {
    String keyspace = options.keyspace();
    Optional<KeyspaceMetadata> existing = cql.getMetadata().getKeyspace(keyspace);
    if (existing.isEmpty()) {
      Progress.step(STAGE, "creating keyspace {} with replication {}", keyspace,
          options.replication());
      execute(cql, ServingTable.cqlKeyspace(keyspace, options.replication()));
    } else {
      List<String> wrong = new ArrayList<>();
      for (ServingTable table : options.tables()) {
        existing.get().getTable(table.name())
            .map(meta -> mismatch(table, meta))
            .filter(problem -> !problem.isEmpty())
            .ifPresent(wrong::add);
      }
      if (!wrong.isEmpty()) {
        throw new InvalidInputException("--keyspace " + keyspace + " holds tables of another "
            + "shape: " + String.join("; ", wrong) + " (choose another keyspace or drop them)");
      }
    }
    // Tables first, then their indexes; each group is sent at once. Every statement names its own
    // table, and the driver waits for schema agreement before answering, so this is safe, and it
    // saves the driver's one-second schema-refresh debounce per statement (36 statements).
    List<String> tables = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    for (ServingTable table : options.tables()) {
      Optional<TableMetadata> meta = cql.getMetadata().getKeyspace(keyspace)
          .flatMap(k -> k.getTable(table.name()));
      List<String> statements = table.cqlSchema(keyspace);
      if (meta.isEmpty()) {
        tables.add(statements.get(0));
      }
      if (meta.isEmpty() || meta.get().getIndexes().size() < statements.size() - 1) {
        indexes.addAll(statements.subList(1, statements.size()));
      }
    }
    if (!tables.isEmpty() || !indexes.isEmpty()) {
      Progress.step(STAGE, "creating {} tables and {} indexes in keyspace {}", tables.size(),
          indexes.size(), keyspace);
      executeAll(cql, tables);
      executeAll(cql, indexes);
    }
  }

  /** How an existing table differs from its declaration; empty when it matches. */
  static String mismatch(ServingTable table, TableMetadata meta) {
    List<String> partition = new ArrayList<>();
    for (ColumnMetadata c : meta.getPartitionKey()) {
      partition.add(c.getName().asInternal());
    }
    List<String> clustering = new ArrayList<>();
    for (ColumnMetadata c : meta.getClusteringColumns().keySet()) {
      clustering.add(c.getName().asInternal());
    }
    if (!partition.equals(table.partitionKey())
        || !clustering.equals(table.clusteringColumns())) {
      return table.name() + " has primary key ((" + String.join(", ", partition) + "), "
          + String.join(", ", clustering) + "), expected ((" + String.join(", ",
          table.partitionKey()) + "), " + String.join(", ", table.clusteringColumns()) + ")";
    }
    for (String column : table.columns()) {
      Optional<ColumnMetadata> c = meta.getColumn(CqlIdentifier.fromInternal(column));
      String expected = table.type(column).cql();
      if (c.isEmpty()) {
        return table.name() + " has no column " + column;
      }
      String actual = c.get().getType().asCql(false, true);
      if (!actual.equalsIgnoreCase(expected)) {
        return table.name() + "." + column + " is " + actual + ", expected " + expected;
      }
    }
    return "";
  }

  private void execute(CqlSession cql, String statement) {
    executeAll(cql, List.of(statement));
  }

  /** Sends the statements concurrently and waits for all; the first failure is reported. */
  private void executeAll(CqlSession cql, List<String> statements) {
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (String statement : statements) {
      pending.add(cql.executeAsync(SimpleStatement.newInstance(statement)
          .setConsistencyLevel(options.consistency())
          .setTimeout(Duration.ofSeconds(60))).toCompletableFuture());
    }
    for (int i = 0; i < pending.size(); i++) {
      try {
        pending.get(i).join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new CassandraLoadException("schema statement failed on " + options.address() + " ("
            + statements.get(i).replaceAll("\\s+", " ") + "): " + cause.getMessage(), cause);
      }
    }
  }

  // ---------------------------------------------------------------- load

  /** Upserts one table's month, then deletes the month's rows that the new data does not have. */
  private TableResult loadTable(CassandraConnector connector, ServingTable table, Month month,
      Dataset<Row> fresh, long rows) {
    long start = System.nanoTime();
    String name = table.name();
    String[] primaryKey = table.primaryKey().toArray(new String[0]);
    try {
      fresh.write().format(FORMAT)
          .options(settings)
          .option("keyspace", options.keyspace())
          .option("table", name)
          .mode(SaveMode.Append)
          .save();
      long written = System.nanoTime();

      // The month's keys as Cassandra holds them now; the index on dt (or year and month) lets
      // the connector fetch only that month. Those absent from the new data are stale; one Spark
      // job reads, compares and deletes them.
      Dataset<Row> stored = session.read().format(FORMAT)
          .options(settings)
          .option("keyspace", options.keyspace())
          .option("table", name)
          .load()
          .where(table.monthKeyPredicate(month))
          .selectExpr(primaryKey);
      Dataset<Row> freshKeys = fresh.selectExpr(primaryKey);
      Dataset<Row> stale = stored.join(freshKeys, seq(table.primaryKey()), "left_anti");
      if (table.isTopList()) {
        // Flag whether each stale row's list (API path and month) still exists: a list that
        // vanished goes with one partition delete, a stale row of a list that stays (a rank that
        // moved) goes alone. All rows of one list go to the same task.
        List<String> withFlag = new ArrayList<>(table.primaryKey());
        withFlag.add("live");
        Dataset<Row> live = freshKeys.selectExpr(table.partitionKey().toArray(new String[0]))
            .distinct()
            .withColumn("live", functions.lit(true));
        stale = stale.join(live, seq(table.partitionKey()), "left")
            .selectExpr(withFlag.toArray(new String[0]))
            .na().fill(false, new String[] {"live"})
            .repartition(columns(table.partitionKey()));
      }
      LongAccumulator deletedRows = session.sparkContext().longAccumulator(name + " rows");
      LongAccumulator deletedPartitions =
          session.sparkContext().longAccumulator(name + " partitions");
      stale.foreachPartition(new CqlDeletes(connector, options.keyspace(), table,
          options.consistency(), deletedRows, deletedPartitions));
      long staleRowCount = deletedRows.value();
      long stalePartitions = deletedPartitions.value();
      long end = System.nanoTime();
      Progress.step(STAGE, "{}.{}: {} rows written; {} stale rows and {} stale top lists deleted; "
          + "write {} ms, stale-row removal {} ms", options.keyspace(), name, rows, staleRowCount,
          stalePartitions, (written - start) / 1_000_000, (end - written) / 1_000_000);
      return new TableResult(name, rows, staleRowCount, stalePartitions,
          (end - start) / 1_000_000);
    } catch (InvalidInputException | CassandraLoadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CassandraLoadException("loading " + options.keyspace() + "." + name + " on "
          + options.address() + " failed: " + e.getMessage(), e);
    }
  }

  private static Column[] columns(List<String> names) {
    Column[] columns = new Column[names.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = functions.col(names.get(i));
    }
    return columns;
  }

  private static Seq<String> seq(List<String> columns) {
    return JavaConverters.asScalaBufferConverter(columns).asScala().toSeq();
  }
}
