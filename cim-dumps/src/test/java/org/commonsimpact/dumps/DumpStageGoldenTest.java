package org.commonsimpact.dumps;

import static org.commonsimpact.dumps.DumpTestSupport.FEB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.ExpectedTables;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dumps of the golden world's base tables (SPEC §6), read-only on one warehouse. */
class DumpStageGoldenTest {
  @TempDir static Path temp;
  private static SparkSession session;
  private static Path root;
  private static Path folder;
  private static RunReport report;

  @BeforeAll
  static void dumpGoldenMonth() {
    session = SparkTestSupport.freshSession(temp);
    ExpectedTables.loadGoldenBaseTables(session);
    root = temp.resolve("dumps");
    report = DumpTestSupport.runStage(session, FEB, root, null);
    folder = root.resolve("2024-02");
  }

  private static Path expected(String table) {
    return SparkTestSupport.goldenDir().resolve("expected").resolve(table + ".tsv");
  }

  private static Path dump(Path dir, String table, Month month) {
    return dir.resolve(DumpLayout.fileName(table, month));
  }

  @Test
  void bzip2CliReadsEachDumpAsTheExpectedTsvByteForByte() throws Exception {
    for (String table : Tables.BASE_TABLES) {
      assertArrayEquals(Files.readAllBytes(expected(table)),
          DumpTestSupport.bzip2Cli(dump(folder, table, FEB)), table);
    }
  }

  @Test
  void commonsCompressReadsEachDumpAsTheExpectedTsv() throws Exception {
    for (String table : Tables.BASE_TABLES) {
      assertArrayEquals(Files.readAllBytes(expected(table)),
          DumpTestSupport.commonsCompress(dump(folder, table, FEB), true), table);
    }
  }

  @Test
  void folderHoldsTheDumpsChecksumsAndManifestOnly() {
    Map<String, byte[]> files = DumpTestSupport.snapshot(folder);
    assertEquals(16, files.size(), files.keySet().toString());
    for (String table : Tables.BASE_TABLES) {
      String name = table + "_2024-02.tsv.bz2";
      assertTrue(files.containsKey(name), name);
      assertTrue(files.containsKey(name + ".md5"), name);
      assertTrue(files.containsKey(name + ".sha256"), name);
    }
    assertTrue(files.containsKey("_manifest.json"));
  }

  @Test
  void checksumFilesMatchTheDumpsAndVerifyWithCoreutils() throws Exception {
    for (String table : Tables.BASE_TABLES) {
      Path file = dump(folder, table, FEB);
      byte[] bytes = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      assertEquals(hex("SHA-256", bytes) + "  " + name + "\n",
          Files.readString(folder.resolve(name + ".sha256")));
      assertEquals(hex("MD5", bytes) + "  " + name + "\n",
          Files.readString(folder.resolve(name + ".md5")));
      for (String tool : List.of("sha256sum", "md5sum")) {
        String ext = tool.equals("sha256sum") ? ".sha256" : ".md5";
        Process check = new ProcessBuilder(tool, "-c", name + ext)
            .directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), tool + ": " + out);
        assertEquals(name + ": OK\n", out);
      }
    }
  }

  @Test
  void manifestAndRunReportGiveRowsSizesAndChecksums() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve("_manifest.json").toFile());
    assertEquals("2024-02", manifest.get("month").asText());
    JsonNode files = manifest.get("files");
    assertEquals(Tables.BASE_TABLES.size(), files.size());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> reported =
        (Map<String, Map<String, Object>>) report.get("dump_files");
    for (int i = 0; i < files.size(); i++) {
      String table = Tables.BASE_TABLES.get(i);
      JsonNode entry = files.get(i);
      Path file = dump(folder, table, FEB);
      byte[] tsv = Files.readAllBytes(expected(table));
      long rows = SparkTestSupport.readLines(expected(table)).size();
      assertEquals(table, entry.get("table").asText());
      assertEquals(file.getFileName().toString(), entry.get("file").asText());
      assertEquals(rows, entry.get("rows").asLong(), table);
      assertEquals(tsv.length, entry.get("uncompressed_bytes").asLong(), table);
      assertEquals(Files.size(file), entry.get("compressed_bytes").asLong(), table);
      assertEquals(hex("SHA-256", Files.readAllBytes(file)), entry.get("sha256").asText());
      assertEquals(rows, ((Number) reported.get(table).get("rows")).longValue(), table);
      assertEquals(Files.size(file),
          ((Number) reported.get(table).get("compressed_bytes")).longValue(), table);
    }
    assertEquals(7, files.get(4).get("rows").asLong(), "commons_edits rows");
  }

  @Test
  void secondRunChangesNoByte() {
    Map<String, byte[]> before = DumpTestSupport.snapshot(root);
    DumpTestSupport.runStage(session, FEB, root, null);
    DumpTestSupport.assertSameFiles(before, DumpTestSupport.snapshot(root));
  }

  @Test
  void smallStreamsGiveAMultiStreamFileThatBothReadersReadWhole() throws Exception {
    Path otherRoot = temp.resolve("small-streams");
    DumpSettings small = DumpSettings.defaults().withStreamBytes(200);
    DumpTestSupport.runStage(session, FEB, otherRoot, small);
    Path dir = otherRoot.resolve("2024-02");
    for (String table : Tables.BASE_TABLES) {
      Path file = dump(dir, table, FEB);
      byte[] tsv = Files.readAllBytes(expected(table));
      byte[] bzip2 = Files.readAllBytes(file);
      int streams = DumpTestSupport.countStreams(bzip2);
      assertEquals((tsv.length + 199) / 200 > 1, streams > 1, table + ": " + streams);
      assertArrayEquals(tsv, DumpTestSupport.bzip2Cli(file), table);
      assertArrayEquals(tsv, DumpTestSupport.commonsCompress(file, true), table);
      if (streams > 1) {
        assertTrue(DumpTestSupport.commonsCompress(file, false).length < tsv.length,
            "a single-stream reader stops after the first stream of " + table);
      }
    }
    Path big = dump(dir, Tables.PAGEVIEWS_PER_CATEGORY, FEB);
    assertTrue(DumpTestSupport.countStreams(Files.readAllBytes(big)) >= 10);
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("_manifest.json").toFile());
    assertEquals(DumpTestSupport.countStreams(Files.readAllBytes(big)),
        manifest.get("files").get(2).get("streams").asInt());
    Map<String, byte[]> before = DumpTestSupport.snapshot(otherRoot);
    DumpTestSupport.runStage(session, FEB, otherRoot, small);
    DumpTestSupport.assertSameFiles(before, DumpTestSupport.snapshot(otherRoot));
  }

  @Test
  void monthWithoutRowsGivesValidEmptyBzip2FilesAndLeavesOtherMonthsAlone() throws Exception {
    Map<String, byte[]> february = DumpTestSupport.snapshot(folder);
    Month march = Month.parse("2024-03");
    RunReport marchReport = DumpTestSupport.runStage(session, march, root, null);
    Path dir = root.resolve("2024-03");
    for (String table : Tables.BASE_TABLES) {
      Path file = dump(dir, table, march);
      byte[] bzip2 = Files.readAllBytes(file);
      assertEquals(1, DumpTestSupport.countStreams(bzip2), table);
      assertEquals(0, DumpTestSupport.bzip2Cli(file).length, table);
      assertEquals(0, DumpTestSupport.commonsCompress(file, true).length, table);
      assertEquals(hex("SHA-256", bzip2) + "  " + file.getFileName() + "\n",
          Files.readString(dir.resolve(file.getFileName() + ".sha256")));
    }
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("_manifest.json").toFile());
    for (JsonNode entry : manifest.get("files")) {
      assertEquals(0, entry.get("rows").asLong());
      assertEquals(0, entry.get("uncompressed_bytes").asLong());
    }
    assertFalse(((Map<?, ?>) marchReport.get("dump_files")).isEmpty());
    DumpTestSupport.assertSameFiles(february, DumpTestSupport.snapshot(folder));
  }

  @Test
  void missingDumpsRootIsInvalidInput() {
    RunReport r = new RunReport(FEB);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new DumpStage().run(new org.commonsimpact.common.StageContext(session, FEB,
            new org.commonsimpact.common.RunOptions(null, 7, null, false), r)));
    assertTrue(e.getMessage().contains("--dumps-root"), e.getMessage());
  }

  static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }
}
