package org.commonsimpact.dumps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.BaseTables;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.MonthPartitions;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.Tables;

/**
 * The dumps stage (SPEC §6): writes the month of each of the five base tables as a bzip2-compressed
 * TSV file under {@code --dumps-root}, with checksums and a manifest.
 *
 * <p>For each table it formats the month's rows as lines ({@link TsvLineFormatter}), sorts them by
 * their UTF-8 bytes ({@link SortedLines}) and compresses them in parallel into a staging folder
 * ({@link ParallelBzip2Writer}). Only when all five tables are staged, so that a value with a tab
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
      Map<String, StagedDump> staged = new LinkedHashMap<>();
      for (String table : Tables.BASE_TABLES) {
        staged.put(table, stage(session, writer, table, month, new Path(staging, table)));
      }
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

  /** Formats, sorts and compresses one table's month into {@code folder}, publishing nothing. */
  private static StagedDump stage(SparkSession session, ParallelBzip2Writer writer, String table,
      Month month, Path folder) throws IOException {
    List<String> columns = columnNames(table);
    session.sparkContext().setJobDescription("dumps: " + table + " " + month);
    JavaRDD<byte[]> sorted = null;
    try {
      Dataset<Row> rows = MonthPartitions.month(session, BaseTables.schema(table), month)
          .selectExpr(columns.stream().map(c -> "`" + c + "`").toArray(String[]::new));
      sorted = SortedLines.of(rows, table, columns, writer.streamBytes());
      return writer.stage(sorted, folder);
    } catch (Exception e) {
      throw rethrown(e);
    } finally {
      if (sorted != null) {
        sorted.unpersist(false);
      }
      session.sparkContext().setJobDescription(null);
    }
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
