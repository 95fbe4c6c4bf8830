package org.commonsimpact.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Helpers for tests that run Spark: fresh warehouses, the golden fixture, query output as TSV. */
public final class SparkTestSupport {
  private SparkTestSupport() {}

  /** The project's copy of the golden fixture ({@code fixtures/golden-small}). */
  public static Path goldenDir() {
    String dir = System.getProperty("cim.golden.dir");
    Path path = dir != null ? Paths.get(dir) : Paths.get("../fixtures/golden-small");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("golden fixture not found at " + path.toAbsolutePath());
    }
    return path;
  }

  /** A session on a new, empty warehouse under a temporary folder. */
  public static SparkSession freshSession(Path tempDir) {
    try {
      return CimSession.open(Files.createTempDirectory(tempDir, "warehouse").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A session on a new warehouse holding the golden world's sources. */
  public static SparkSession goldenSession(Path tempDir) {
    SparkSession session = freshSession(tempDir);
    new TsvSourceImporter(session).importAll(goldenDir().resolve("input"));
    return session;
  }

  /** Rows of a query, each as the TSV line {@code bin/cim sql} prints, in the query's order. */
  public static List<String> tsvLines(Dataset<Row> frame) {
    List<String> lines = new ArrayList<>();
    for (Row row : frame.collectAsList()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length(); i++) {
        if (i > 0) {
          line.append('\t');
        }
        line.append(TsvValues.format(row.get(i)));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Like {@link #tsvLines}, sorted by UTF-8 bytes (code points). */
  public static List<String> sortedTsvLines(Dataset<Row> frame) {
    List<String> lines = tsvLines(frame);
    lines.sort(SparkTestSupport::compareCodePoints);
    return lines;
  }

  /** Lines of a file, without the final line end. */
  public static List<String> readLines(Path file) {
    try {
      String text = Files.readString(file);
      if (text.isEmpty()) {
        return new ArrayList<>();
      }
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      List<String> lines = new ArrayList<>();
      Collections.addAll(lines, text.split("\n", -1));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of an expected file without its header row, sorted by code point. */
  public static List<String> sortedBody(Path file, boolean hasHeader) {
    List<String> lines = readLines(file);
    if (hasHeader && !lines.isEmpty()) {
      lines.remove(0);
    }
    lines.sort(SparkTestSupport::compareCodePoints);
    return lines;
  }

  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
