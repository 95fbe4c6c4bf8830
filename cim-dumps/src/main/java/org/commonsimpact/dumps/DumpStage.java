package org.commonsimpact.dumps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.BaseTables;
import org.commonsimpact.common.DriverThreads;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.MonthPartitions;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;
import org.commonsimpact.tables.TableSchema;

/**
 * The dumps stage (SPEC §6): writes the month of each of the five base tables as a bzip2-compressed
 * TSV file under {@code --dumps-root}, with checksums and a manifest.
 *
 * <p>For each table it formats the month's rows as lines ({@link TsvLineFormatter}), sorts them by
 * their UTF-8 bytes ({@link SortedLines}) and compresses them in parallel into a staging folder
 * ({@link ParallelBzip2Writer}).
 *
 * <p>The five tables are staged at the same time, each from its own driver thread ({@link
 * DriverThreads}; Spark runs their jobs side by side, FIFO by submission), the largest first: the jobs of one table alone
 * leave cores idle (a job of a few tasks, the last task of a wave, the driver's work between two
 * jobs), and the other tables' tasks fill them. Each table is bounded as before (its work is Spark
 * tasks over partitions; the driver holds only partition statistics and a few threads); what
 * running them together adds is that the five tables' persisted lines are held at the same time
 * (memory and disk: Spark spills what does not fit). If a table fails, the jobs of the others are
 * cancelled and the first failure that is not such a cancellation, largest table first, is thrown
 * (with bad values in two tables, the one reported may be either).
 *
 * <p>Only when all five tables are staged, so that a value with a tab
 * or a newline in any table stops the run before any file changes, does it publish each file
 * atomically ({@link DumpPublisher}), then its {@code .md5} and {@code .sha256}, then {@code
 * _manifest.json}.
 *
 * <p>Leftovers of an interrupted earlier run of the month (hidden temporary files, staging
 * folders) are removed first; two runs of the same month must not overlap.
 */
public final class DumpStage implements Stage {
  public static final String NAME = "dumps";

  /** Name prefix of the staging folder inside the month's folder (hidden from Hadoop readers). */
  static final String STAGING_PREFIX = "_staging-";

  /** Iceberg's read option for the target size of a read split, in bytes. */
  private static final String SPLIT_SIZE_OPTION = "split-size";

  /**
   * Target size of a read split, in bytes of data files: 4 MiB, Iceberg's default cost of opening a
   * file, so that each data file of a month is at least one task. Iceberg's default (128 MiB)
   * packs a month of small files into one split, and one task would then read and format the whole
   * table while the other cores wait. Iceberg cuts a large file only between Parquet row groups, so
   * a split holds at least one row group.
   */
  private static final long SPLIT_BYTES = 4L << 20;

  private final DumpSettings settings;

  /** The stage with {@link DumpSettings#defaults()}, stream size overridable by Spark conf. */
  public DumpStage() {
    this(null);
  }

  public DumpStage(DumpSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(StageContext context) {
    SparkSession session = context.session();
    Month month = context.month();
    Path folder = DumpLayout.monthFolder(context.options().dumpsRoot(), month);
    DumpSettings effective = settings != null ? settings : fromConf(session);
    List<String> inputs = new ArrayList<>();
    Tables.BASE_TABLES.forEach(table -> inputs.add(Tables.commons(table)));
    List<String> missing = MonthPartitions.missingTables(session, inputs);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("cannot dump " + missing.get(0)
          + ": the table does not exist (run the metrics stage first)");
    }
    try {
      runIn(session, month, folder, effective, context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dumps of " + month + " under " + folder, e);
    }
  }

  private void runIn(SparkSession session, Month month, Path folder, DumpSettings effective,
      StageContext context) throws IOException {
    Configuration conf = session.sessionState().newHadoopConf();
    FileSystem fs = DumpFileSystem.of(folder, conf);
    fs.mkdirs(folder);
    removeLeftovers(fs, folder);
    String runId = UUID.randomUUID().toString();
    Path staging = new Path(folder, STAGING_PREFIX + runId);
    ParallelBzip2Writer writer = new ParallelBzip2Writer(conf, effective.streamBytes());
    try {
      Map<String, StagedDump> staged = stageAll(session, writer, month, staging);
      DumpPublisher publisher = new DumpPublisher(fs, runId, effective.publishedOutput());
      DumpManifest manifest = new DumpManifest(month);
      Map<String, Object> reported = new LinkedHashMap<>();
      for (String table : Tables.BASE_TABLES) {
        String name = DumpLayout.fileName(table, month);
        Path target = new Path(folder, name);
        WrittenDump dump = publisher.publish(staged.get(table), target);
        DumpFileSystem.writeAtomically(fs, new Path(folder, name + ".md5"),
            dump.md5() + "  " + name + "\n", runId);
        DumpFileSystem.writeAtomically(fs, new Path(folder, name + ".sha256"),
            dump.sha256() + "  " + name + "\n", runId);
        manifest.add(table, name, dump);
        reported.put(table, DumpManifest.entry(table, name, dump));
        Progress.step(NAME, "{}: {} rows, {} bytes, {} bytes bzip2 in {} stream(s) -> {}", table,
            dump.lines(), dump.uncompressedBytes(), dump.compressedBytes(), dump.streams(),
            target);
      }
      DumpFileSystem.writeAtomically(fs, new Path(folder, DumpLayout.MANIFEST), manifest.toJson(),
          runId);
      context.report().put("dumps_folder", folder.toString());
      context.report().put("dump_files", reported);
    } finally {
      DumpFileSystem.deleteQuietly(fs, staging);
    }
  }

  /**
   * Stages every base table, concurrently ({@link DriverThreads}, the largest first), and returns
   * them in table order. If any table fails, the others' jobs are cancelled, and the first failure
   * that is not such a cancellation is thrown.
   */
  private static Map<String, StagedDump> stageAll(SparkSession session,
      ParallelBzip2Writer writer, Month month, Path staging) {
    try (DriverThreads threads =
        new DriverThreads(session, "cim-dumps", Tables.BASE_TABLES.size())) {
      Map<String, Dataset<Row>> sources = largestFirst(session, month, threads);
      List<String> order = new ArrayList<>(sources.keySet());
      List<Callable<StagedDump>> tasks = new ArrayList<>();
      for (String table : order) {
        tasks.add(() -> stage(session, writer, table, sources.get(table),
            new Path(staging, table)));
      }
      Map<String, StagedDump> done = new LinkedHashMap<>();
      try {
        threads.all("dumps " + month, tasks, (i, dump) -> done.put(order.get(i), dump));
      } catch (RuntimeException e) {
        throw rethrown(e);
      }
      Map<String, StagedDump> staged = new LinkedHashMap<>();
      Tables.BASE_TABLES.forEach(table -> staged.put(table, done.get(table)));
      return staged;
    }
  }

  /**
   * The month's rows of each base table ({@link #source}), planned once here, the five plans at
   * the same time on {@code threads}, and reused by the table's jobs (each plan loads the table's
   * Iceberg metadata), the largest month first (by the
   * planner's estimate), so that the long compression of the largest table is submitted first and
   * the small tables fill the cores around it.
   */
  private static Map<String, Dataset<Row>> largestFirst(SparkSession session, Month month,
      DriverThreads threads) {
    Map<String, Future<Dataset<Row>>> planned = new LinkedHashMap<>();
    for (String table : Tables.BASE_TABLES) {
      planned.put(table, threads.submit("dumps: plan " + table, () -> {
        Dataset<Row> rows = source(session, table, month, SPLIT_BYTES);
        rows.queryExecution().optimizedPlan();
        return rows;
      }));
    }
    Map<String, Dataset<Row>> sources = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String table : Tables.BASE_TABLES) {
      try {
        Dataset<Row> rows = DriverThreads.await(planned.get(table));
        sources.put(table, rows);
        sizes.put(table, sizeEstimate(rows));
      } catch (RuntimeException e) {
        throw rethrown(e);
      }
    }
    List<String> tables = new ArrayList<>(Tables.BASE_TABLES);
    tables.sort(Comparator.comparing(sizes::get, Comparator.reverseOrder()));
    Map<String, Dataset<Row>> ordered = new LinkedHashMap<>();
    tables.forEach(table -> ordered.put(table, sources.get(table)));
    return ordered;
  }

  /** Formats, sorts and compresses one table's month into {@code folder}, publishing nothing. */
  private static StagedDump stage(SparkSession session, ParallelBzip2Writer writer, String table,
      Dataset<Row> rows, Path folder) {
    try (SortedLines sorted = SortedLines.of(rows, table, writer.streamBytes())) {
      return writer.stage(sorted.lines(), folder, sorted::releaseFormatted);
    } catch (Exception e) {
      throw rethrown(e);
    }
  }

  /**
   * The month's rows of {@code table}, its columns in order, read in Iceberg splits of about
   * {@code splitBytes} of data files.
   */
  private static Dataset<Row> source(SparkSession session, String table, Month month,
      long splitBytes) {
    TableSchema schema = BaseTables.schema(table);
    return session.read().option(SPLIT_SIZE_OPTION, Long.toString(splitBytes))
        .table(schema.qualifiedName())
        .where(schema.monthPredicate(month))
        .selectExpr(columnNames(table).stream().map(c -> "`" + c + "`").toArray(String[]::new));
  }

  private static long sizeEstimate(Dataset<Row> rows) {
    scala.math.BigInt size = rows.queryExecution().optimizedPlan().stats().sizeInBytes();
    return size.isValidLong() ? size.longValue() : Long.MAX_VALUE;
  }

  /**
   * A task's {@link InvalidInputException} reaches the driver wrapped in Spark's job failure; it is
   * rethrown on its own, so that the command line prints its one-line message and exits with 2.
   */
  private static RuntimeException rethrown(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException) {
        return new InvalidInputException(t.getMessage(), e);
      }
    }
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    if (e instanceof IOException) {
      return new UncheckedIOException((IOException) e);
    }
    return new IllegalStateException(e.getMessage(), e);
  }

  static List<String> columnNames(String table) {
    return BaseTables.schema(table).columnNames();
  }

  private static void removeLeftovers(FileSystem fs, Path folder) throws IOException {
    for (FileStatus entry : fs.listStatus(folder)) {
      if (DumpFileSystem.isLeftover(entry.getPath().getName())) {
        fs.delete(entry.getPath(), true);
      }
    }
  }

  private static DumpSettings fromConf(SparkSession session) {
    String bytes = session.conf().get(DumpSettings.STREAM_BYTES_CONF, null);
    DumpSettings defaults = DumpSettings.defaults();
    if (bytes == null) {
      return defaults;
    }
    try {
      return defaults.withStreamBytes(Long.parseLong(bytes.trim()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "invalid " + DumpSettings.STREAM_BYTES_CONF + " '" + bytes + "': expected a positive "
              + "number of bytes");
    }
  }
}
