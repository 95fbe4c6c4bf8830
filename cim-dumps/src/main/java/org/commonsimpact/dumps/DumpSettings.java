package org.commonsimpact.dumps;

import java.io.OutputStream;
import java.util.function.BiFunction;

/**
 * How the dumps stage cuts and writes its files.
 *
 * <p>{@code streamBytes} fixes where one bzip2 stream ends and the next begins: a line belongs to
 * stream {@code floor(offset / streamBytes)}, where {@code offset} is the position of its first byte
 * in the uncompressed dump. The cut is therefore a function of the sorted content alone, not of how
 * Spark partitioned it, and a re-run writes the same bytes. Changing it changes the compressed bytes
 * (never the decompressed ones).
 *
 * @param streamBytes uncompressed bytes per bzip2 stream, at least 1
 * @param publishedOutput wraps the output stream of each published file (arguments: the file name
 *     and the stream); the identity in production, a failing stream in fault-injection tests
 */
public record DumpSettings(
    long streamBytes, BiFunction<String, OutputStream, OutputStream> publishedOutput) {

  /**
   * 850,000 bytes: a little under one 900k bzip2 block, so that each stream is one nearly full
   * block (compressing about as well as {@code bzip2 -9}, whose blocks hold 899,981 bytes), and
   * streams shared by two tasks, compressed after the others, are small.
   */
  public static final long DEFAULT_STREAM_BYTES = 850_000;

  /** Spark configuration key overriding {@link #DEFAULT_STREAM_BYTES}. */
  public static final String STREAM_BYTES_CONF = "spark.cim.dumps.streamBytes";

  public DumpSettings {
    if (streamBytes < 1) {
      throw new IllegalArgumentException("streamBytes must be positive: " + streamBytes);
    }
    if (publishedOutput == null) {
      publishedOutput = (name, out) -> out;
    }
  }

  public static DumpSettings defaults() {
    return new DumpSettings(DEFAULT_STREAM_BYTES, null);
  }

  public DumpSettings withStreamBytes(long bytes) {
    return new DumpSettings(bytes, publishedOutput);
  }

  public DumpSettings withPublishedOutput(BiFunction<String, OutputStream, OutputStream> wrapper) {
    return new DumpSettings(streamBytes, wrapper);
  }
}
