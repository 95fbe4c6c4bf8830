package org.commonsimpact.dumps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel writer on its own: output independent of partitioning, odd sizes, failures. */
class ParallelBzip2WriterTest {
  @TempDir static Path temp;
  private static JavaSparkContext spark;

  @BeforeAll
  static void start() {
    SparkSession session = SparkTestSupport.freshSession(temp);
    spark = JavaSparkContext.fromSparkContext(session.sparkContext());
  }

  private static List<byte[]> sortedRandomLines(int count, int maxLength, long seed) {
    Random random = new Random(seed);
    String alphabet = "abcXYZ_019|\u00e9\u00c4\u20ac\ud83d\ude00\ufffd";
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder();
      int length = 1 + random.nextInt(maxLength);
      while (line.length() < length) {
        int at = random.nextInt(alphabet.length());
        if (Character.isLowSurrogate(alphabet.charAt(at))) {
          at--;
        }
        line.appendCodePoint(alphabet.codePointAt(at));
      }
      lines.add(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    lines.sort(Arrays::compareUnsigned);
    return lines;
  }

  private static byte[] text(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** Stream numbers holding at least one line, computed independently of the writer. */
  private static int expectedStreams(List<byte[]> lines, long streamBytes) {
    TreeSet<Long> streams = new TreeSet<>();
    long offset = 0;
    for (byte[] line : lines) {
      streams.add(offset / streamBytes);
      offset += line.length + 1;
    }
    return streams.size();
  }

  private static ParallelBzip2Writer writer(long streamBytes) {
    return new ParallelBzip2Writer(new Configuration(), streamBytes);
  }

  @Test
  void sameLinesGiveTheSameBytesWhateverThePartitioning() throws Exception {
    List<byte[]> lines = sortedRandomLines(3000, 120, 1);
    byte[] expectedText = text(lines);
    Path dir = Files.createTempDirectory(temp, "partitioning");
    byte[] first = null;
    for (int partitions : new int[] {1, 3, 8, 61}) {
      Path target = dir.resolve("out-" + partitions + ".bz2");
      WrittenDump dump = writer(1000).write(spark.parallelize(lines, partitions),
          new org.apache.hadoop.fs.Path(target.toUri()));
      byte[] bzip2 = Files.readAllBytes(target);
      if (first == null) {
        first = bzip2;
      }
      assertArrayEquals(first, bzip2, partitions + " partitions");
      assertEquals(expectedStreams(lines, 1000), DumpTestSupport.countStreams(bzip2));
      assertEquals(expectedStreams(lines, 1000), dump.streams());
      assertEquals(lines.size(), dump.lines());
      assertEquals(expectedText.length, dump.uncompressedBytes());
      assertEquals(bzip2.length, dump.compressedBytes());
      assertEquals(DumpStageGoldenTest.hex("SHA-256", bzip2), dump.sha256());
      assertArrayEquals(expectedText, DumpTestSupport.bzip2Cli(target));
      assertArrayEquals(expectedText, DumpTestSupport.commonsCompress(target, true));
    }
    assertTrue(DumpTestSupport.countStreams(first) > 50);
    assertEquals(List.of("out-1.bz2", "out-3.bz2", "out-61.bz2", "out-8.bz2"), listing(dir));
  }

  @Test
  void linesLongerThanAStreamSkipEmptyStreamNumbers() throws IOException {
    List<byte[]> lines = sortedRandomLines(40, 3000, 2);
    Path dir = Files.createTempDirectory(temp, "long-lines");
    Path one = dir.resolve("one.bz2");
    Path many = dir.resolve("many.bz2");
    writer(500).write(spark.parallelize(lines, 1), new org.apache.hadoop.fs.Path(one.toUri()));
    WrittenDump dump =
        writer(500).write(spark.parallelize(lines, 7), new org.apache.hadoop.fs.Path(many.toUri()));
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(many));
    assertEquals(expectedStreams(lines, 500), dump.streams());
    assertArrayEquals(text(lines), DumpTestSupport.bzip2Cli(many));
    assertArrayEquals(text(lines), DumpTestSupport.commonsCompress(many, true));
  }

  @Test
  void noLinesGiveAValidEmptyBzip2File() throws IOException {
    Path target = Files.createTempDirectory(temp, "empty").resolve("empty.bz2");
    WrittenDump dump = writer(1000).write(spark.parallelize(new ArrayList<byte[]>(), 4),
        new org.apache.hadoop.fs.Path(target.toUri()));
    assertEquals(0, dump.lines());
    assertEquals(1, dump.streams());
    assertEquals(14, Files.size(target));
    assertEquals(0, DumpTestSupport.bzip2Cli(target).length);
    assertEquals(0, DumpTestSupport.commonsCompress(target, true).length);
  }

  @Test
  void aFailureWhilePublishingKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
    Path dir = Files.createTempDirectory(temp, "failure");
    Path target = dir.resolve("dump.bz2");
    org.apache.hadoop.fs.Path hadoopTarget = new org.apache.hadoop.fs.Path(target.toUri());
    writer(1000).write(spark.parallelize(sortedRandomLines(500, 50, 3), 2), hadoopTarget);
    Map<String, byte[]> before = DumpTestSupport.snapshot(dir);
    IOException e = assertThrows(IOException.class,
        () -> writer(1000).write(spark.parallelize(sortedRandomLines(900, 50, 4), 3), hadoopTarget,
            (name, out) -> DumpTestSupport.failingAfter(out, 2000)));
    assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
    DumpTestSupport.assertSameFiles(before, DumpTestSupport.snapshot(dir));
  }

  private static List<String> listing(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
