package org.commonsimpact.dumps;

import static org.commonsimpact.dumps.DumpTestSupport.FEB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that must not change published dumps (injected write failure, tab or newline in a value) and
 * data that the golden world does not hold. Each test starts from the golden base tables.
 */
class DumpStageFailureTest {
  @TempDir static Path temp;
  private static SparkSession session;
  private Path root;
  private Path folder;

  @BeforeAll
  static void start() {
    session = SparkTestSupport.freshSession(temp);
  }

  @BeforeEach
  void goldenTablesAndDumps() throws Exception {
    ExpectedTables.loadGoldenBaseTables(session);
    root = Files.createTempDirectory(temp, "dumps");
    folder = root.resolve("2024-02");
  }

  private static Path expected(String table) {
    return SparkTestSupport.goldenDir().resolve("expected").resolve(table + ".tsv");
  }

  private Path dump(String table) {
    return folder.resolve(DumpLayout.fileName(table, FEB));
  }

  private void sql(String statement) {
    session.sql(statement).collect();
  }

  @Test
  void aFailureInjectedMidWriteKeepsThePreviousFileAndNoTemporaryFile() throws Exception {
    DumpTestSupport.runStage(session, FEB, root, null);
    Map<String, byte[]> before = DumpTestSupport.snapshot(root);
    String table = Tables.PAGEVIEWS_PER_CATEGORY;
    sql("DELETE FROM commons." + table + " WHERE category = 'Artist_X'");
    String failing = DumpLayout.fileName(table, FEB);
    DumpSettings injected = DumpSettings.defaults().withStreamBytes(300).withPublishedOutput(
        (name, out) -> name.equals(failing) ? DumpTestSupport.failingAfter(out, 500) : out);

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> DumpTestSupport.runStage(session, FEB, root, injected));
    assertTrue(e.getCause().getMessage().contains("injected failure"), e.getMessage());
    Map<String, byte[]> after = DumpTestSupport.snapshot(root);
    assertEquals(before.keySet(), after.keySet(), "no temporary or staging file is left");
    for (String name : List.of(failing, failing + ".md5", failing + ".sha256", "_manifest.json")) {
      assertArrayEquals(before.get("2024-02/" + name), after.get("2024-02/" + name), name);
    }
    assertArrayEquals(Files.readAllBytes(expected(table)), DumpTestSupport.bzip2Cli(dump(table)));

    // Without the failure, the same run does replace the file with the new content.
    DumpTestSupport.runStage(session, FEB, root, null);
    List<String> remaining = new ArrayList<>();
    for (String line : SparkTestSupport.readLines(expected(table))) {
      if (!line.startsWith("Artist_X\t")) {
        remaining.add(line + "\n");
      }
    }
    assertEquals(String.join("", remaining),
        new String(DumpTestSupport.bzip2Cli(dump(table)), StandardCharsets.UTF_8));
  }

  @Test
  void aTabInAValueStopsTheRunBeforeAnyFileOfTheMonthChanges() {
    DumpTestSupport.runStage(session, FEB, root, null);
    Map<String, byte[]> before = DumpTestSupport.snapshot(root);
    // The first table changes, the last one holds the bad value: nothing may be published.
    sql("DELETE FROM commons." + Tables.CATEGORY_METRICS + " WHERE category = 'Artist_X'");
    sql("INSERT INTO commons." + Tables.EDITS + " VALUES ('Eve\\tTab', 'create', 'New.jpg', "
        + "array('Museum_B'), array('Museum_B'), TIMESTAMP '2024-02-10 12:00:00')");

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> DumpTestSupport.runStage(session, FEB, root, null));
    assertTrue(e.getMessage().contains(Tables.EDITS), e.getMessage());
    assertTrue(e.getMessage().contains("column user_name holds a tab"), e.getMessage());
    assertTrue(e.getMessage().contains("user_name=Eve\\tTab"), e.getMessage());
    assertTrue(e.getMessage().contains("media_file=New.jpg"), e.getMessage());
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\t"), e.getMessage());
    DumpTestSupport.assertSameFiles(before, DumpTestSupport.snapshot(root));
  }

  @Test
  void aNewlineInAnArrayElementStopsTheRunBeforeAnyFileOfTheMonthChanges() {
    DumpTestSupport.runStage(session, FEB, root, null);
    Map<String, byte[]> before = DumpTestSupport.snapshot(root);
    sql("DELETE FROM commons." + Tables.CATEGORY_METRICS + " WHERE category = 'Artist_X'");
    sql("INSERT INTO commons." + Tables.PAGEVIEWS_PER_MEDIA_FILE + " VALUES ('New.jpg', "
        + "array('Line\\nBreak', 'Museum_B'), array('Museum_B'), 'en.wikipedia', 'Page', 5, "
        + "'2024-02')");

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> DumpTestSupport.runStage(session, FEB, root, null));
    assertTrue(e.getMessage().contains(Tables.PAGEVIEWS_PER_MEDIA_FILE), e.getMessage());
    assertTrue(e.getMessage().contains("column categories holds a newline"), e.getMessage());
    assertTrue(e.getMessage().contains("categories=Line\\nBreak|Museum_B"), e.getMessage());
    DumpTestSupport.assertSameFiles(before, DumpTestSupport.snapshot(root));
  }

  @Test
  void aBadValueInAnotherMonthDoesNotConcernThisMonth() throws Exception {
    sql("INSERT INTO commons." + Tables.MEDIA_FILE_METRICS + " VALUES ('Tab\\there.jpg', "
        + "'BITMAP', array('Museum_B'), array('Museum_B'), 1, 1, '2024-01')");
    DumpTestSupport.runStage(session, FEB, root, null);
    for (String table : Tables.BASE_TABLES) {
      assertArrayEquals(Files.readAllBytes(expected(table)), DumpTestSupport.bzip2Cli(dump(table)),
          table);
    }
  }

  @Test
  void linesAreSortedByUtf8BytesNotByUtf16() throws Exception {
    for (String category : List.of("\ud83d\ude00_Smile", "\ufffd_Replacement", "\u00c9cole", "Zoo",
        "Zo", "Z\u00e9")) {
      sql("INSERT INTO commons." + Tables.CATEGORY_METRICS + " VALUES ('" + category + "', "
          + "array(), array('" + category + "'), 0, 0, 0, 0, 0, 0, 0, 0, '2024-02')");
    }
    DumpTestSupport.runStage(session, FEB, root, null);
    String text = new String(DumpTestSupport.bzip2Cli(dump(Tables.CATEGORY_METRICS)),
        StandardCharsets.UTF_8);
    List<String> lines = Arrays.asList(text.split("\n"));
    assertEquals(15 + 6, lines.size());
    List<byte[]> bytes = new ArrayList<>();
    for (String line : lines) {
      bytes.add(line.getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> sorted = new ArrayList<>(bytes);
    sorted.sort(Arrays::compareUnsigned);
    for (int i = 0; i < bytes.size(); i++) {
      assertArrayEquals(sorted.get(i), bytes.get(i), "line " + i);
    }
    int replacement = indexOfPrefix(lines, "\ufffd_Replacement\t");
    int smile = indexOfPrefix(lines, "\ud83d\ude00_Smile\t");
    assertTrue(replacement < smile, "U+FFFD sorts before U+1F600 in UTF-8 (not in UTF-16)");
    assertTrue(indexOfPrefix(lines, "Zo\t") < indexOfPrefix(lines, "Zoo\t"));
    assertTrue(indexOfPrefix(lines, "Zoo\t") < indexOfPrefix(lines, "Z\u00e9\t"));
    assertEquals(lines.size() - 2, replacement);
  }

  private static int indexOfPrefix(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}
