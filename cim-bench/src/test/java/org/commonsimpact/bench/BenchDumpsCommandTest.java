package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The dumps benchmark: its figures and their text ({@link DumpsFigures}), and {@code cim
 * bench-dumps} end to end on a tiny table (the times mean nothing there).
 */
class BenchDumpsCommandTest {
  @TempDir Path tmp;

  private static DumpsFigures figures(boolean identical, boolean sameText) {
    return new DumpsFigures(1000, 2, 1, 0.5, 0.75, 50_000, 12_000, 1, 850_000, 11_000, 0.3, 0.2,
        List.of(new DumpsFigures.Round(2.00, 1.0, 1.50, 1.9),
            new DumpsFigures.Round(1.87, 1.0, 1.00, 1.9)),
        identical, "ab12", sameText);
  }

  @Test
  void speedupIsBestSingleOverBestParallel() {
    DumpsFigures figures = figures(true, true);
    assertEquals(1.87, figures.speedup(), 1e-12);
    assertEquals((0.2 + 2.00) / (0.2 + 1.50), figures.speedupWithPrepare(), 1e-12);
    assertTrue(figures.passed());
    List<String> lines = figures.lines();
    assertEquals("bench-dumps: 1000 rows, 2 cores, 1 sorted partitions, load average 0.50 at "
        + "start, 0.75 at end", lines.get(0));
    assertTrue(lines.contains("  round 2: single-stream 1.87 s (1.00 cores busy), parallel "
        + "1.00 s (1.90 cores busy), speed-up 1.87x"), lines.toString());
    assertTrue(lines.contains("  speed-up (best single / best parallel): 1.87x"),
        lines.toString());
    assertEquals("  same text as single stream:   yes", lines.get(lines.size() - 1));
  }

  @Test
  void aFailedCheckIsAnErrorForTheScaleBenchmark() {
    assertFalse(figures(false, true).passed());
    assertFalse(figures(true, false).passed());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> figures(true, false).requirePassed());
    assertTrue(e.getMessage().contains("same text as single stream:   NO"), e.getMessage());
  }

  @Test
  void benchDumpsPrintsItsFiguresOnATinyTable() throws Exception {
    Path work = tmp.resolve("work");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int status;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      status = new CommandLine(new BenchDumpsCommand()).execute("--rows", "3000", "--rounds",
          "2", "--stream-bytes", "20000", "--work-dir", work.toString());
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    List<String> lines = output.lines().toList();
    assertEquals(12, lines.size(), output);
    assertTrue(lines.get(0).startsWith("bench-dumps: 3000 rows, "), output);
    assertTrue(lines.get(2).matches("  parallel bzip2: +[0-9,]+ bytes in \\d+ streams of 20,000 "
        + "bytes"), output);
    assertTrue(lines.get(8).matches(
        "  speed-up \\(best single / best parallel\\): \\d+\\.\\d\\dx"), output);
    assertTrue(lines.get(10).startsWith("  parallel runs byte-identical: yes (sha256 "), output);
    assertEquals("  same text as single stream:   yes", lines.get(11));
    assertTrue(Files.isRegularFile(work.resolve("out/parallel-2.tsv.bz2")));
  }

  @Test
  void rowsAndRoundsMustBePositive() {
    for (String[] args : List.of(new String[] {"--rows", "0"}, new String[] {"--rounds", "0"})) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new BenchDumpsCommand());
      cli.setErr(new PrintWriter(err));
      assertEquals(2, cli.execute(args), String.join(" ", args));
      assertTrue(err.toString().contains("--rows and --rounds must be positive"), err.toString());
    }
  }
}
