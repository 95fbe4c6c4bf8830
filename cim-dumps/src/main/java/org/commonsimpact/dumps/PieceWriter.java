package org.commonsimpact.dumps;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;

/**
 * Writes one staged piece: either a run of consecutive bzip2 streams (one file, the streams one
 * after the other) or a raw fragment of a shared stream.
 *
 * <p>The piece is written under a name private to the task attempt, then moved to its final name.
 * Retried or speculative attempts of a task write the same bytes, so the first one to finish wins
 * and the others discard their copy.
 */
final class PieceWriter {
  static final int BLOCK_SIZE = BZip2CompressorOutputStream.MAX_BLOCKSIZE;
  private static final int BUFFER = 1 << 16;

  private final FileSystem fs;
  private final Path temp;
  private final Path target;
  private final long firstStream;
  private final int partition;
  private final OutputStream file;
  private BZip2CompressorOutputStream bzip2;
  private long stream;
  private int streams;
  private long lines;
  private long bytes;

  private PieceWriter(FileSystem fs, Path folder, String name, long stream, int partition,
      boolean compressed) throws IOException {
    this.fs = fs;
    this.target = new Path(folder, name);
    this.temp = new Path(folder, "_attempt-" + attemptId() + "-" + name);
    this.firstStream = stream;
    this.partition = partition;
    this.file = new BufferedOutputStream(fs.create(temp, true), BUFFER);
    this.stream = stream;
    if (compressed) {
      this.bzip2 = new BZip2CompressorOutputStream(file, BLOCK_SIZE);
      this.streams = 1;
    }
  }

  static String runName(long firstStream) {
    return String.format("streams-%012d.bz2", firstStream);
  }

  static String fragmentName(long stream, int partition) {
    return String.format("fragment-%012d-%06d.raw", stream, partition);
  }

  /** Compressed streams, starting with {@code stream}; more follow with {@link #nextStream}. */
  static PieceWriter streams(FileSystem fs, Path folder, long stream, int partition)
      throws IOException {
    return new PieceWriter(fs, folder, runName(stream), stream, partition, true);
  }

  /** Uncompressed lines of a stream that other partitions also hold part of. */
  static PieceWriter fragment(FileSystem fs, Path folder, long stream, int partition)
      throws IOException {
    return new PieceWriter(fs, folder, fragmentName(stream, partition), stream, partition, false);
  }

  boolean compressed() {
    return bzip2 != null;
  }

  /** The stream being written. */
  long stream() {
    return stream;
  }

  /** Ends the current bzip2 stream and starts {@code next} in the same file. */
  void nextStream(long next) throws IOException {
    bzip2.finish();
    bzip2 = new BZip2CompressorOutputStream(file, BLOCK_SIZE);
    stream = next;
    streams++;
  }

  void writeLine(byte[] line) throws IOException {
    OutputStream out = bzip2 != null ? bzip2 : file;
    out.write(line);
    out.write('\n');
    lines++;
    bytes += line.length + 1L;
  }

  /** Appends raw bytes that are whole lines; count them with {@link #addLines}. */
  void writeLines(byte[] buffer, int length) throws IOException {
    (bzip2 != null ? bzip2 : file).write(buffer, 0, length);
    bytes += length;
  }

  void addLines(long count) {
    lines += count;
  }

  StagedPiece finish() throws IOException {
    if (bzip2 != null) {
      bzip2.finish();
    }
    file.close();
    DumpFileSystem.moveIfAbsent(fs, temp, target);
    return new StagedPiece(firstStream, streams, partition, bzip2 != null, target.toString(),
        lines, bytes);
  }

  void abort() {
    try {
      file.close();
    } catch (IOException | RuntimeException ignored) {
      // The temporary name is deleted below; the staging folder goes with the run anyway.
    }
    DumpFileSystem.deleteQuietly(fs, temp);
  }

  private static long attemptId() {
    TaskContext task = TaskContext.get();
    return task == null ? 0 : task.taskAttemptId();
  }
}
