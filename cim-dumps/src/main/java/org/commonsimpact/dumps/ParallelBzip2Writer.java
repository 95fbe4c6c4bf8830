package org.commonsimpact.dumps;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes sorted lines as one bzip2 file made of several concatenated streams, compressed in
 * parallel by Spark tasks (SPEC §6).
 *
 * <p>The input is an RDD of lines (UTF-8, without line end) whose partitions, taken in order, hold
 * the lines in file order, as after a global sort. It is read twice (once for partition sizes, once
 * to compress), so callers should persist it. Stream boundaries are fixed by the content ({@link
 * StreamPlan}): the output bytes do not depend on how the lines are partitioned, and two runs on the
 * same lines write identical files.
 *
 * <p>Steps: (1) a job measures each partition; (2) a job where each task compresses the streams it
 * holds whole into one file of a staging folder and writes raw fragments of the streams it shares
 * with a neighbour; (3) a job compresses each shared stream from its fragments; (4) the driver
 * concatenates the files in stream order into the target ({@link DumpPublisher}). All file
 * access goes through the Hadoop {@link FileSystem} API, so the staging folder and the target may be
 * on HDFS or an object store; on a cluster they must be on a file system every executor can reach.
 */
public final class ParallelBzip2Writer {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelBzip2Writer.class);

  private final Configuration conf;
  private final long streamBytes;

  public ParallelBzip2Writer(Configuration conf, long streamBytes) {
    if (streamBytes < 1) {
      throw new IllegalArgumentException("streamBytes must be positive: " + streamBytes);
    }
    this.conf = conf;
    this.streamBytes = streamBytes;
  }

  public long streamBytes() {
    return streamBytes;
  }

  /**
   * Writes {@code sortedLines} to {@code target}, replacing it atomically, with a staging folder
   * beside it that is removed afterwards.
   */
  public WrittenDump write(JavaRDD<byte[]> sortedLines, Path target) throws IOException {
    return write(sortedLines, target, (name, out) -> out);
  }

  WrittenDump write(JavaRDD<byte[]> sortedLines, Path target,
      BiFunction<String, OutputStream, OutputStream> outputWrapper) throws IOException {
    FileSystem fs = DumpFileSystem.of(target, conf);
    String runId = UUID.randomUUID().toString();
    Path staging = new Path(target.getParent(), DumpStage.STAGING_PREFIX + runId);
    try {
      StagedDump staged = stage(sortedLines, staging);
      long start = System.nanoTime();
      WrittenDump dump = new DumpPublisher(fs, runId, outputWrapper).publish(staged, target);
      LOG.debug("published {} in {} s", target, seconds(start));
      return dump;
    } finally {
      DumpFileSystem.deleteQuietly(fs, staging);
    }
  }

  /** Steps 1 to 3: compresses the lines into ordered part files under {@code folder}. */
  StagedDump stage(JavaRDD<byte[]> sortedLines, Path folder) throws IOException {
    return stage(sortedLines, folder, () -> {});
  }

  /**
   * Steps 1 to 3, calling {@code measured} once step 1 has read every partition (so a persisted
   * input is then materialized, and what it was computed from may be released).
   */
  StagedDump stage(JavaRDD<byte[]> sortedLines, Path folder, Runnable measured)
      throws IOException {
    FileSystem fs = DumpFileSystem.of(folder, conf);
    fs.mkdirs(folder);
    SerializableConfiguration shippedConf = new SerializableConfiguration(conf);
    long start = System.nanoTime();

    List<PartitionStats> stats = new ArrayList<>(
        sortedLines.mapPartitionsWithIndex(ParallelBzip2Writer::measure, true).collect());
    stats.sort(Comparator.comparingInt(PartitionStats::partition));
    measured.run();
    StreamPlan plan = StreamPlan.of(stats, streamBytes);
    LOG.debug("measured {} partitions ({} lines, {} bytes) in {} s", stats.size(), plan.lines(),
        plan.bytes(), seconds(start));
    start = System.nanoTime();
    if (plan.lines() == 0) {
      return new StagedDump(List.of(), 0, 0, 0);
    }

    List<StagedPiece> pieces = sortedLines
        .mapPartitionsWithIndex(new PartitionCompressor(plan, folder, shippedConf), true)
        .collect();

    LOG.debug("compressed {} pieces in {} s", pieces.size(), seconds(start));
    start = System.nanoTime();
    Map<Long, Path> parts = new TreeMap<>();
    int streams = 0;
    Map<Long, List<StagedPiece>> fragments = new TreeMap<>();
    for (StagedPiece piece : pieces) {
      if (piece.compressed()) {
        parts.put(piece.stream(), new Path(piece.path()));
        streams += piece.streams();
      } else {
        fragments.computeIfAbsent(piece.stream(), s -> new ArrayList<>()).add(piece);
      }
    }
    if (!fragments.isEmpty()) {
      List<SharedStreamCompressor.Shared> shared = new ArrayList<>();
      fragments.forEach((stream, list) -> {
        list.sort(Comparator.comparingInt(StagedPiece::partition));
        shared.add(new SharedStreamCompressor.Shared(stream, list));
      });
      JavaSparkContext spark = JavaSparkContext.fromSparkContext(sortedLines.context());
      for (StagedPiece part : spark.parallelize(shared, shared.size())
          .map(new SharedStreamCompressor(folder, shippedConf))
          .collect()) {
        parts.put(part.stream(), new Path(part.path()));
        streams += part.streams();
      }
      LOG.debug("compressed {} shared streams in {} s", shared.size(), seconds(start));
    }
    return new StagedDump(new ArrayList<>(parts.values()), streams, plan.lines(), plan.bytes());
  }

  private static String seconds(long start) {
    return String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9);
  }

  private static java.util.Iterator<PartitionStats> measure(Integer partition,
      java.util.Iterator<byte[]> lines) {
    long count = 0;
    long bytes = 0;
    long lastStart = 0;
    while (lines.hasNext()) {
      byte[] line = lines.next();
      lastStart = bytes;
      bytes += line.length + 1L;
      count++;
    }
    return List.of(new PartitionStats(partition, count, bytes, lastStart)).iterator();
  }
}
