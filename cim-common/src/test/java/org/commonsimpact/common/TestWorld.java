package org.commonsimpact.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * A small hand-built input world for one test: rows per source table, written as the TSV files of
 * {@code import-tsv} and imported into a fresh warehouse. Values are given in schema column order;
 * {@code null} becomes {@code \N}.
 */
public final class TestWorld {
  public static final String MONTH = "2024-02";

  private final Map<SourceTables, List<Object[]>> rows = new EnumMap<>(SourceTables.class);

  public TestWorld add(SourceTables table, Object... values) {
    if (values.length != table.schema().fields().length) {
      throw new IllegalArgumentException(
          table + " takes " + table.schema().fields().length + " values, got " + values.length);
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
    return this;
  }

  /** A commonswiki page of the test month. */
  public TestWorld page(long id, int namespace, String title) {
    return add(SourceTables.MEDIAWIKI_PAGE, "commonswiki", MONTH, id, namespace, title, false);
  }

  /** A page of another wiki in the test month. */
  public TestWorld page(String wiki, long id, int namespace, String title) {
    return add(SourceTables.MEDIAWIKI_PAGE, wiki, MONTH, id, namespace, title, false);
  }

  public TestWorld linktarget(String wiki, long id, int namespace, String title) {
    return add(SourceTables.MEDIAWIKI_LINKTARGET, wiki, MONTH, id, namespace, title);
  }

  public TestWorld categorylink(long from, long targetId, String type) {
    return add(SourceTables.MEDIAWIKI_CATEGORYLINKS, "commonswiki", MONTH, from, targetId, type);
  }

  public TestWorld imagelink(String wiki, long from, int fromNamespace, long targetId) {
    return add(SourceTables.MEDIAWIKI_IMAGELINKS, wiki, MONTH, from, fromNamespace, targetId);
  }

  public TestWorld wiki(String code, String domain) {
    return add(SourceTables.WIKIS, code, domain);
  }

  /** Every day of February 2024 gets one hourly row for a page nobody links to. */
  public TestWorld fullPageviewMonth() {
    for (int day = 1; day <= 29; day++) {
      add(SourceTables.PAGEVIEW_HOURLY, "xx.wikipedia", "Filler", 0, "user", 1L, 2024, 2, day, 0);
    }
    return this;
  }

  /** Writes the nine TSV files (absent tables get a header only) into {@code dir}. */
  public Path writeTsv(Path dir) {
    try {
      Files.createDirectories(dir);
      for (SourceTables table : SourceTables.values()) {
        StringBuilder text = new StringBuilder();
        StructField[] fields = table.schema().fields();
        for (int i = 0; i < fields.length; i++) {
          text.append(i > 0 ? "\t" : "").append(fields[i].name());
        }
        text.append('\n');
        for (Object[] row : rows.getOrDefault(table, List.of())) {
          for (int i = 0; i < row.length; i++) {
            text.append(i > 0 ? "\t" : "").append(row[i] == null ? "\\N" : row[i].toString());
          }
          text.append('\n');
        }
        Files.write(dir.resolve(table.tableName() + ".tsv"),
            text.toString().getBytes(StandardCharsets.UTF_8));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh warehouse holding this world. */
  public SparkSession load(Path tempDir) {
    try {
      Path input = writeTsv(Files.createTempDirectory(tempDir, "world"));
      SparkSession session = SparkTestSupport.freshSession(tempDir);
      new TsvSourceImporter(session).importAll(input);
      return session;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
