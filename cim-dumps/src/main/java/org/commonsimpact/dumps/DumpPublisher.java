package org.commonsimpact.dumps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiFunction;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a staged dump atomically: concatenates its bzip2 streams, in order, into a hidden
 * temporary file beside the target, computing MD5 and SHA-256 on the way, then renames it over the
 * target. Until the rename, readers see the previous file; if anything fails, the temporary file is
 * removed and the previous file stays.
 */
final class DumpPublisher {
  /** A bzip2 file holding no data: the stream header and the end-of-stream marker. */
  private static final byte[] EMPTY_BZIP2 = emptyBzip2();

  private final FileSystem fs;
  private final String runId;
  private final BiFunction<String, OutputStream, OutputStream> outputWrapper;

  DumpPublisher(FileSystem fs, String runId,
      BiFunction<String, OutputStream, OutputStream> outputWrapper) {
    this.fs = fs;
    this.runId = runId;
    this.outputWrapper = outputWrapper;
  }

  WrittenDump publish(StagedDump staged, Path target) throws IOException {
    Path temp = DumpFileSystem.temporarySibling(target, runId);
    MessageDigest md5 = digest("MD5");
    MessageDigest sha256 = digest("SHA-256");
    long size = 0;
    try {
      try (OutputStream out = outputWrapper.apply(target.getName(), fs.create(temp, true))) {
        if (staged.parts().isEmpty()) {
          out.write(EMPTY_BZIP2);
          md5.update(EMPTY_BZIP2);
          sha256.update(EMPTY_BZIP2);
          size = EMPTY_BZIP2.length;
        }
        byte[] buffer = new byte[1 << 17];
        for (Path part : staged.parts()) {
          try (InputStream in = fs.open(part)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
              out.write(buffer, 0, n);
              md5.update(buffer, 0, n);
              sha256.update(buffer, 0, n);
              size += n;
            }
          }
        }
      }
      DumpFileSystem.replace(fs, temp, target);
    } catch (IOException | RuntimeException e) {
      DumpFileSystem.deleteQuietly(fs, temp);
      throw e;
    }
    return new WrittenDump(staged.lines(), staged.bytes(), size,
        Math.max(1, staged.streams()), hex(md5), hex(sha256));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] emptyBzip2() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new BZip2CompressorOutputStream(bytes, PieceWriter.BLOCK_SIZE).close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
