package org.commonsimpact.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.Tables;
import org.commonsimpact.dumps.DumpSettings;
import org.commonsimpact.dumps.ParallelBzip2Writer;
import org.commonsimpact.dumps.SingleStreamBzip2Writer;
import org.commonsimpact.dumps.SortedLines;
import org.commonsimpact.dumps.WrittenDump;

/**
 * The dumps benchmark: the parallel dump writer against a single-stream writer on a synthetic table
 * shaped like {@code commons_pageviews_per_category_monthly}. It measures and returns the figures
 * ({@link DumpsFigures}); printing them is the caller's ({@code cim bench-dumps}, {@code cim
 * bench}).
 *
 * <p>It generates the rows, formats and sorts them once (the step both writers share, timed on its
 * own), warms both writers up, then in one run times, for each round, the single-stream writer and
 * the parallel writer on the same sorted lines (alternating, so that a change of machine load hits
 * both). It checks that all parallel runs wrote byte-identical files and that both writers' files
 * decompress to the same bytes, and records rows, sizes, times and the cores the JVM kept busy (a
 * loaded machine shows fewer than it has). Spark runs in local mode on all cores.
 */
final class DumpsBenchmark {
  private static final int WARM_UP_LINES = 50_000;

  private final long rows;
  private final long streamBytes;
  private final int rounds;
  private final java.nio.file.Path workDir;
  private final boolean keep;

  /** The benchmark on {@code rows} rows, with the default stream size and two rounds. */
  DumpsBenchmark(long rows) {
    this(rows, DumpSettings.DEFAULT_STREAM_BYTES, 2, null, false);
  }

  /**
   * @param rows rows of the synthetic table, positive
   * @param streamBytes uncompressed bytes per bzip2 stream
   * @param rounds rounds of (single-stream, parallel) writes, positive
   * @param workDir folder for the warehouse and the files, or null for a new temporary folder that
   *     is deleted at the end
   * @param keep keep the temporary folder
   */
  DumpsBenchmark(long rows, long streamBytes, int rounds, java.nio.file.Path workDir,
      boolean keep) {
    if (rows < 1 || rounds < 1) {
      throw new IllegalArgumentException("rows and rounds must be positive");
    }
    this.rows = rows;
    this.streamBytes = streamBytes;
    this.rounds = rounds;
    this.workDir = workDir;
    this.keep = keep;
  }

  /** Runs the benchmark; the figures say whether its checks held ({@link DumpsFigures#passed}). */
  DumpsFigures run() throws Exception {
    double loadAtStart = loadAverage();
    boolean temporary = workDir == null;
    java.nio.file.Path dir = temporary ? Files.createTempDirectory("cim-bench-dumps") : workDir;
    Files.createDirectories(dir);
    SparkSession session = CimSession.open(dir.resolve("warehouse").toString());
    Configuration conf = session.sessionState().newHadoopConf();
    Path outDir = new Path(dir.resolve("out").toAbsolutePath().toUri());
    FileSystem fs = rawFileSystem(outDir, conf);
    try {
      long t0 = System.nanoTime();
      Dataset<Row> table = synthetic(session, rows).persist(StorageLevel.MEMORY_AND_DISK());
      table.count();
      double generate = seconds(t0);

      t0 = System.nanoTime();
      SortedLines prepared =
          SortedLines.ofBaseTable(table, Tables.PAGEVIEWS_PER_CATEGORY, streamBytes);
      JavaRDD<byte[]> sorted = prepared.lines();
      sorted.count();
      double prepare = seconds(t0);

      // Untimed warm-up of both writers (JIT), on the first lines.
      JavaRDD<byte[]> head = JavaSparkContext.fromSparkContext(session.sparkContext())
          .parallelize(sorted.take(WARM_UP_LINES), 2);
      new SingleStreamBzip2Writer(conf).write(head, new Path(outDir, "warm-up-single.tsv.bz2"));
      new ParallelBzip2Writer(conf, streamBytes / 8 + 1)
          .write(head, new Path(outDir, "warm-up-parallel.tsv.bz2"));

      SingleStreamBzip2Writer singleWriter = new SingleStreamBzip2Writer(conf);
      ParallelBzip2Writer parallelWriter = new ParallelBzip2Writer(conf, streamBytes);
      List<Timed> singles = new ArrayList<>();
      List<Timed> parallels = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Path singleFile = new Path(outDir, "single-" + round + ".tsv.bz2");
        Path parallelFile = new Path(outDir, "parallel-" + round + ".tsv.bz2");
        singles.add(Timed.run(() -> singleWriter.write(sorted, singleFile)));
        parallels.add(Timed.run(() -> parallelWriter.write(sorted, parallelFile)));
      }

      WrittenDump first = parallels.get(0).dump;
      WrittenDump single = singles.get(0).dump;
      boolean identical = true;
      for (int round = 2; round <= rounds; round++) {
        identical &= parallels.get(round - 1).dump.equals(first)
            && sameFileBytes(fs, new Path(outDir, "parallel-1.tsv.bz2"),
                new Path(outDir, "parallel-" + round + ".tsv.bz2"));
      }
      String parallelText = decompressedSha256(fs, new Path(outDir, "parallel-1.tsv.bz2"));
      String singleText = decompressedSha256(fs, new Path(outDir, "single-1.tsv.bz2"));
      boolean sameText = parallelText.equals(singleText)
          && first.uncompressedBytes() == single.uncompressedBytes()
          && first.lines() == rows && single.lines() == rows;

      List<DumpsFigures.Round> timed = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        Timed s = singles.get(round);
        Timed p = parallels.get(round);
        timed.add(new DumpsFigures.Round(s.seconds, s.cores(), p.seconds, p.cores()));
      }
      int partitions = sorted.getNumPartitions();
      prepared.close();
      table.unpersist(false);
      return new DumpsFigures(rows, Runtime.getRuntime().availableProcessors(), partitions,
          loadAtStart, loadAverage(), first.uncompressedBytes(), first.compressedBytes(),
          first.streams(), streamBytes, single.compressedBytes(), generate, prepare, timed,
          identical, first.sha256(), sameText);
    } finally {
      if (temporary && !keep) {
        Path root = new Path(dir.toUri());
        try {
          rawFileSystem(root, conf).delete(root, true);
        } catch (IOException | RuntimeException ignored) {
          // Best effort: a temporary folder.
        }
      }
    }
  }

  /** The file system of {@code path}, the raw one for local paths (as the dump writers use). */
  private static FileSystem rawFileSystem(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
  }

  /** Rows shaped like {@code commons_pageviews_per_category_monthly}, deterministic in {@code id}. */
  static Dataset<Row> synthetic(SparkSession session, long rows) {
    return session.range(rows).selectExpr(
        "concat('Category_', element_at(array('Museum', 'Library', 'Archive', 'Paintings', "
            + "'Photographs', 'Maps', 'Manuscripts', 'Posters'), cast(pmod(hash(id, 1), 8) + 1 "
            + "as int)), '_', cast(pmod(hash(id, 2), 20000) as string)) AS category",
        "IF(pmod(id, 3) = 0, 'shallow', 'deep') AS category_scope",
        "array_sort(array(concat('Primary_', cast(pmod(hash(id, 3), 40) as string)), "
            + "concat('Primary_', cast(pmod(hash(id, 4), 40) as string)))) AS primary_categories",
        "element_at(array('en.wikipedia', 'fr.wikipedia', 'de.wikipedia', 'es.wikipedia', "
            + "'it.wikipedia', 'nl.wikipedia', 'pl.wikipedia', 'ja.wikipedia', 'ru.wikipedia', "
            + "'pt.wikipedia', 'sv.wikipedia', 'zh.wikipedia'), cast(pmod(hash(id, 5), 12) + 1 "
            + "as int)) AS wiki",
        "concat(element_at(array('History_of_', 'List_of_', 'Museum_of_', 'Art_of_', "
            + "'Geography_of_', 'Culture_of_'), cast(pmod(hash(id, 6), 6) + 1 as int)), "
            + "substring(sha1(cast(pmod(hash(id, 7), 500000) as string)), 1, 10)) AS page_title",
        "CAST(pmod(hash(id, 8), 100000) + 1 AS BIGINT) AS pageview_count",
        "'2024-02' AS year_month");
  }

  /** One timed write, with the CPU time the JVM used meanwhile (all threads). */
  private static final class Timed {
    final WrittenDump dump;
    final double seconds;
    final double cpuSeconds;

    private Timed(WrittenDump dump, double seconds, double cpuSeconds) {
      this.dump = dump;
      this.seconds = seconds;
      this.cpuSeconds = cpuSeconds;
    }

    /** Average number of cores the JVM kept busy. */
    double cores() {
      return cpuSeconds / seconds;
    }

    static Timed run(Write write) throws IOException {
      long cpu = processCpuNanos();
      long start = System.nanoTime();
      WrittenDump dump = write.run();
      return new Timed(dump, seconds(start), (processCpuNanos() - cpu) / 1e9);
    }
  }

  private interface Write {
    WrittenDump run() throws IOException;
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static boolean sameFileBytes(FileSystem fs, Path a, Path b) throws IOException {
    try (InputStream x = fs.open(a); InputStream y = fs.open(b)) {
      byte[] bx = new byte[1 << 16];
      byte[] by = new byte[1 << 16];
      while (true) {
        int nx = x.readNBytes(bx, 0, bx.length);
        int ny = y.readNBytes(by, 0, by.length);
        if (nx != ny || !java.util.Arrays.equals(bx, 0, nx, by, 0, ny)) {
          return false;
        }
        if (nx == 0) {
          return true;
        }
      }
    }
  }

  private static String decompressedSha256(FileSystem fs, Path file) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new BZip2CompressorInputStream(fs.open(file), true)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha256.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
