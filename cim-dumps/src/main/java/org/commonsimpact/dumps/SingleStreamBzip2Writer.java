package org.commonsimpact.dumps;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;

/**
 * The baseline the parallel writer is measured against: the driver pulls the sorted lines partition
 * by partition and compresses them, on one thread, into a single bzip2 stream. It writes the same
 * uncompressed bytes as {@link ParallelBzip2Writer}; only the stream layout (and so the compressed
 * bytes) differs. Used by the dumps benchmark (cim-bench), not by the stage.
 */
public final class SingleStreamBzip2Writer {
  private final Configuration conf;

  public SingleStreamBzip2Writer(Configuration conf) {
    this.conf = conf;
  }

  /** Writes {@code sortedLines} to {@code target} as one bzip2 stream (replacing it). */
  public WrittenDump write(JavaRDD<byte[]> sortedLines, Path target) throws IOException {
    FileSystem fs = DumpFileSystem.of(target, conf);
    MessageDigest md5 = digest("MD5");
    MessageDigest sha256 = digest("SHA-256");
    long lines = 0;
    long bytes = 0;
    try (OutputStream file = new DigestOutputStream(
            new DigestOutputStream(fs.create(target, true), md5), sha256);
        OutputStream out = new BZip2CompressorOutputStream(
            new BufferedOutputStream(file, 1 << 16), PieceWriter.BLOCK_SIZE)) {
      Iterator<byte[]> it = sortedLines.toLocalIterator();
      while (it.hasNext()) {
        byte[] line = it.next();
        out.write(line);
        out.write('\n');
        lines++;
        bytes += line.length + 1L;
      }
    }
    long size = fs.getFileStatus(target).getLen();
    return new WrittenDump(lines, bytes, size, 1, HexFormat.of().formatHex(md5.digest()),
        HexFormat.of().formatHex(sha256.digest()));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
