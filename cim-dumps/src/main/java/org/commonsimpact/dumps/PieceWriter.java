package org.commonsimpact.dumps;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;

/**
 * Writes one staged piece (a bzip2 stream or a raw fragment) under a name private to the task
 * attempt, then moves it to its final name. Retried or speculative attempts of a task write the same
 * bytes, so the first one to finish wins and the others discard their copy.
 */
final class PieceWriter {
  static final int BLOCK_SIZE = BZip2CompressorOutputStream.MAX_BLOCKSIZE;
  private static final int BUFFER = 1 << 16;

  private final FileSystem fs;
  private final Path temp;
  private final Path target;
  private final long stream;
  private final int partition;
  private final boolean compressed;
  private final OutputStream out;
  private long lines;
  private long bytes;

  private PieceWriter(FileSystem fs, Path folder, String name, long stream, int partition,
      boolean compressed) throws IOException {
    this.fs = fs;
    this.target = new Path(folder, name);
    this.temp = new Path(folder, "_attempt-" + attemptId() + "-" + name);
    this.stream = stream;
    this.partition = partition;
    this.compressed = compressed;
    OutputStream file = new BufferedOutputStream(fs.create(temp, true), BUFFER);
    this.out = compressed ? new BZip2CompressorOutputStream(file, BLOCK_SIZE) : file;
  }

  static String partName(long stream) {
    return String.format("part-%012d.bz2", stream);
  }

  static String fragmentName(long stream, int partition) {
    return String.format("fragment-%012d-%06d.raw", stream, partition);
  }

  /** A bzip2 stream that will be concatenated as is. */
  static PieceWriter part(FileSystem fs, Path folder, long stream, int partition)
      throws IOException {
    return new PieceWriter(fs, folder, partName(stream), stream, partition, true);
  }

  /** Uncompressed lines of a stream that other partitions also hold part of. */
  static PieceWriter fragment(FileSystem fs, Path folder, long stream, int partition)
      throws IOException {
    return new PieceWriter(fs, folder, fragmentName(stream, partition), stream, partition, false);
  }

  long stream() {
    return stream;
  }

  void writeLine(byte[] line) throws IOException {
    out.write(line);
    out.write('\n');
    lines++;
    bytes += line.length + 1L;
  }

  /** Appends raw bytes that are whole lines; count them with {@link #addLines}. */
  void writeLines(byte[] buffer, int length) throws IOException {
    out.write(buffer, 0, length);
    bytes += length;
  }

  void addLines(long count) {
    lines += count;
  }

  StagedPiece finish() throws IOException {
    out.close();
    DumpFileSystem.moveIfAbsent(fs, temp, target);
    return new StagedPiece(stream, partition, compressed, target.toString(), lines, bytes);
  }

  void abort() {
    try {
      out.close();
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
