package org.commonsimpact.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.StageContext;

/** Readers and helpers for dump tests: both bzip2 readers, folder snapshots, stage runs. */
final class DumpTestSupport {
  static final Month FEB = Month.parse("2024-02");

  private DumpTestSupport() {}

  static RunReport runStage(SparkSession session, Month month, Path root, DumpSettings settings) {
    RunReport report = new RunReport(month);
    StageContext context = new StageContext(session, month,
        new RunOptions(null, RunOptions.DEFAULT_MAX_DEPTH, root.toString(), false), report);
    (settings == null ? new DumpStage() : new DumpStage(settings)).run(context);
    return report;
  }

  /** {@code bzip2 -dc FILE}: the system's reference decoder. */
  static byte[] bzip2Cli(Path file) {
    try {
      Process process = new ProcessBuilder("bzip2", "-dc", file.toString()).start();
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readAllBytes();
      }
      String err = new String(process.getErrorStream().readAllBytes());
      assertEquals(0, process.waitFor(), "bzip2 -dc " + file + " failed: " + err);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Apache Commons Compress; {@code concatenated} reads every stream, else only the first. */
  static byte[] commonsCompress(Path file, boolean concatenated) {
    try (InputStream in =
        new BZip2CompressorInputStream(Files.newInputStream(file), concatenated)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Number of bzip2 stream headers ("BZh" + level + block or end-of-stream magic). */
  static int countStreams(byte[] bzip2) {
    int count = 0;
    for (int i = 0; i + 10 <= bzip2.length; i++) {
      if (bzip2[i] == 'B' && bzip2[i + 1] == 'Z' && bzip2[i + 2] == 'h'
          && bzip2[i + 3] >= '1' && bzip2[i + 3] <= '9'
          && (magic(bzip2, i + 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
              || magic(bzip2, i + 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90))) {
        count++;
      }
    }
    return count;
  }

  private static boolean magic(byte[] bytes, int at, int... expected) {
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[at + i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** Every file under {@code folder} (relative name → bytes), hidden ones included. */
  static Map<String, byte[]> snapshot(Path folder) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "file names");
    for (String name : expected.keySet()) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected.get(name), actual.get(name),
          "bytes of " + name);
    }
  }

  /** An output stream that fails once more than {@code limit} bytes were written to it. */
  static OutputStream failingAfter(OutputStream out, long limit) {
    return new OutputStream() {
      private long written;

      @Override
      public void write(int b) throws IOException {
        check(1);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        check(len);
        out.write(b, off, len);
      }

      private void check(int len) throws IOException {
        if (written + len > limit) {
          throw new IOException("injected failure after " + written + " bytes");
        }
        written += len;
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }
}
