package org.commonsimpact.publicdumps;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.commonsimpact.common.InvalidInputException;

/**
 * Opens a dump file as a stream of its uncompressed bytes, chosen by the file name's ending
 * ({@code .gz}, {@code .bz2}, else plain), with multi-member gzip and bzip2 streams read to the end.
 */
final class DumpStreams {
  private static final int BUFFER = 1 << 16;

  private DumpStreams() {}

  /** The uncompressed bytes of {@code file}; a missing file is invalid input naming it. */
  static InputStream open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("missing dump file " + file);
    }
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
      String name = file.getFileName().toString();
      if (name.endsWith(".gz")) {
        return new BufferedInputStream(new GzipCompressorInputStream(raw, true), BUFFER);
      }
      if (name.endsWith(".bz2")) {
        return new BufferedInputStream(new BZip2CompressorInputStream(raw, true), BUFFER);
      }
      return raw;
    } catch (IOException e) {
      throw new InvalidInputException(file + ": byte 0: truncated or corrupt compressed data ("
          + e.getMessage() + ")", e);
    }
  }

  /** Wraps a stream to count the bytes read so far (the position errors name). */
  static final class Counting extends FilterInputStream {
    private long position;

    Counting(InputStream in) {
      super(in);
    }

    long position() {
      return position;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      position += s;
      return s;
    }
  }
}
