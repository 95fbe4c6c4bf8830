package org.commonsimpact.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The floor of the dumps stage: how long bzip2 alone takes to compress a month's dump text on all
 * cores, so that the stage's time can be given as a multiple of it (issue 20: at most 1.25x).
 *
 * <p>The month's {@code .tsv.bz2} files are first decompressed into a scratch folder (not timed).
 * Then the text is cut into pieces of the stage's stream size and every piece is compressed, as the
 * stage does (block size 9, one bzip2 stream per piece), by as many threads as there are cores;
 * only this is timed. Reading the pieces is from the page cache, and the compressed bytes are only
 * counted, so the figure is compression alone: no formatting, sorting, Spark or file writes.
 */
final class DumpCompression {
  private static final int BLOCK_SIZE = BZip2CompressorOutputStream.MAX_BLOCKSIZE;

  /** The measurement: uncompressed and compressed bytes, wall seconds, threads used. */
  record Figures(long textBytes, long compressedBytes, double seconds, int threads) {}

  private DumpCompression() {}

  /**
   * Decompresses {@code dumps} into {@code scratch}, compresses their text in pieces of {@code
   * streamBytes} on {@code threads} threads, and deletes the scratch copies.
   */
  static Figures measure(List<Path> dumps, Path scratch, long streamBytes, int threads) {
    try {
      Files.createDirectories(scratch);
      List<Path> texts = new ArrayList<>();
      try {
        for (Path dump : dumps) {
          Path text = scratch.resolve(dump.getFileName() + ".tsv");
          decompress(dump, text);
          texts.add(text);
        }
        return compress(texts, streamBytes, threads);
      } finally {
        for (Path text : texts) {
          Files.deleteIfExists(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure the compression of " + dumps, e);
    }
  }

  private static void decompress(Path dump, Path text) throws IOException {
    try (InputStream in = new BZip2CompressorInputStream(
            new BufferedInputStream(Files.newInputStream(dump), 1 << 16), true);
        OutputStream out = Files.newOutputStream(text)) {
      in.transferTo(out);
    }
  }

  private static Figures compress(List<Path> texts, long streamBytes, int threads)
      throws IOException {
    List<Piece> pieces = new ArrayList<>();
    long textBytes = 0;
    for (Path text : texts) {
      long size = Files.size(text);
      textBytes += size;
      for (long offset = 0; offset < size; offset += streamBytes) {
        pieces.add(new Piece(text, offset, (int) Math.min(streamBytes, size - offset)));
      }
    }
    AtomicLong compressed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Piece piece : pieces) {
        done.add(pool.submit(() -> {
          compressed.addAndGet(piece.compress());
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compressing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("compression failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Figures(textBytes, compressed.get(), seconds, threads);
  }

  /** A stream's worth of text: {@code length} bytes of {@code file} from {@code offset}. */
  private record Piece(Path file, long offset, int length) {
    long compress() throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            throw new IOException(file + " ended early");
          }
        }
      }
      long[] written = new long[1];
      OutputStream counted = new OutputStream() {
        @Override
        public void write(int b) {
          written[0]++;
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
          written[0] += len;
        }
      };
      try (BZip2CompressorOutputStream bzip2 = new BZip2CompressorOutputStream(counted,
          BLOCK_SIZE)) {
        bzip2.write(buffer.array(), 0, length);
      }
      return written[0];
    }
  }
}
