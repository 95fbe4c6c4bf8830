package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.commonsimpact.bench.ImportReadersFigures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The import readers benchmark on tiny files (the times mean nothing there): every file is read
 * whole, plain and gzipped alike, and the files are gone afterwards.
 */
class ImportReadersBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void readsEveryFileWholeInEachRound() throws Exception {
    Path dir = tmp.resolve("files");
    ImportReadersFigures figures = new ImportReadersBenchmark(300_000, 2, dir).run();

    List<Run> runs = figures.runs();
    assertEquals(8, runs.size(), runs.toString());
    assertEquals(List.of("bench-categorylinks.sql", "bench-categorylinks.sql.gz",
        "bench-stub-meta-history.xml", "bench-stub-meta-history.xml.gz"),
        runs.subList(0, 4).stream().map(Run::input).toList());
    assertEquals(runs.subList(0, 4).stream().map(Run::input).toList(),
        runs.subList(4, 8).stream().map(Run::input).toList());
    long tuples = runs.get(0).rows();
    long revisions = runs.get(2).rows();
    // Whole INSERT lines of 5000 tuples; File-page revisions are most of the stub's revisions.
    assertTrue(tuples >= 5000 && tuples % 5000 == 0, runs.toString());
    assertTrue(revisions > 100, runs.toString());
    for (Run run : runs) {
      assertEquals(run.reader().equals("sql") ? tuples : revisions, run.rows(), run.toString());
      assertTrue(run.uncompressedBytes() >= 300_000, run.toString());
      assertTrue(run.seconds() > 0, run.toString());
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void benchImportPrintsTheHeaderAndOneLinePerRun() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int status;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      status = new CommandLine(new BenchImportCommand()).execute("--megabytes", "1", "--rounds",
          "1", "--dir", tmp.toString());
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    List<String> lines = output.lines().toList();
    assertEquals(5, lines.size(), output);
    assertEquals("reader\tinput\tuncompressed_mb\tseconds\tmb_per_s", lines.get(0));
    assertTrue(lines.get(1).matches("sql\tbench-categorylinks\\.sql\t1\\.\\d\t\\d+\\.\\d\\d\t"
        + "\\d+\\.\\d"), output);
    assertTrue(lines.get(4).startsWith("xml\tbench-stub-meta-history.xml.gz\t"), output);
  }
}
