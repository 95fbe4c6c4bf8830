package org.commonsimpact.dumps;

import java.io.Serializable;
import java.util.List;

/**
 * Which bzip2 stream each sorted line goes to, and which streams span several Spark partitions.
 *
 * <p>A line whose first byte is at offset {@code o} of the uncompressed dump belongs to stream
 * {@code o / streamBytes}. Streams are thus fixed by the content; Spark's partition boundaries,
 * which come from sampling, only decide which task writes what. A stream whose lines all lie in one
 * partition is compressed by that partition's task ("owned"); a stream that crosses a partition
 * boundary ("shared") is written as raw fragments by each task holding part of it and compressed
 * afterwards from the fragments, in order. Stream numbers without any line are skipped.
 */
final class StreamPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long streamBytes;
  private final long[] offsets;
  private final long[] firstStream;
  private final long[] lastStream;
  private final boolean[] firstShared;
  private final boolean[] lastShared;
  private final long lines;
  private final long bytes;

  private StreamPlan(long streamBytes, long[] offsets, long[] firstStream, long[] lastStream,
      boolean[] firstShared, boolean[] lastShared, long lines, long bytes) {
    this.streamBytes = streamBytes;
    this.offsets = offsets;
    this.firstStream = firstStream;
    this.lastStream = lastStream;
    this.firstShared = firstShared;
    this.lastShared = lastShared;
    this.lines = lines;
    this.bytes = bytes;
  }

  /** The plan for partitions of the given sizes, in partition order (index i = partition i). */
  static StreamPlan of(List<PartitionStats> stats, long streamBytes) {
    int n = stats.size();
    long[] offsets = new long[n];
    long[] first = new long[n];
    long[] last = new long[n];
    boolean[] firstShared = new boolean[n];
    boolean[] lastShared = new boolean[n];
    long offset = 0;
    long lines = 0;
    int previous = -1;
    for (int i = 0; i < n; i++) {
      PartitionStats s = stats.get(i);
      if (s.partition() != i) {
        throw new IllegalArgumentException("partition statistics out of order at " + i);
      }
      offsets[i] = offset;
      if (s.lines() > 0) {
        first[i] = offset / streamBytes;
        last[i] = (offset + s.lastLineStart()) / streamBytes;
        if (previous >= 0 && last[previous] == first[i]) {
          lastShared[previous] = true;
          firstShared[i] = true;
        }
        previous = i;
      } else {
        first[i] = -1;
        last[i] = -1;
      }
      offset += s.bytes();
      lines += s.lines();
    }
    return new StreamPlan(streamBytes, offsets, first, last, firstShared, lastShared, lines, offset);
  }

  long streamBytes() {
    return streamBytes;
  }

  /** Offset of the partition's first byte in the uncompressed dump. */
  long offset(int partition) {
    return offsets[partition];
  }

  long streamAt(long offset) {
    return offset / streamBytes;
  }

  /** Whether {@code stream}, which has lines in {@code partition}, also has lines elsewhere. */
  boolean isShared(int partition, long stream) {
    return (stream == firstStream[partition] && firstShared[partition])
        || (stream == lastStream[partition] && lastShared[partition]);
  }

  long lines() {
    return lines;
  }

  long bytes() {
    return bytes;
  }
}
