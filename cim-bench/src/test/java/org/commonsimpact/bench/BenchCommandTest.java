package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark end to end on two tiny worlds (far below scale 1, so the figures mean nothing):
 * the output's last line and the JSON's shape and arithmetic, and world reuse.
 */
class BenchCommandTest {
  private static final String LAST_LINE =
      "bench: scaling=\\d+\\.\\d\\d scan_ratio=\\d+\\.\\d\\d graph_scan=\\d+\\.\\d\\d "
          + "dumps_bzip2=\\d+\\.\\d\\d dumps_speedup=\\d+\\.\\d\\d "
          + "shares=readiness:\\d\\.\\d\\d,graph:\\d\\.\\d\\d,metrics:\\d\\.\\d\\d,"
          + "dumps:\\d\\.\\d\\d,serving:\\d\\.\\d\\d";

  @TempDir Path tmp;

  @Test
  void tinyBenchPrintsTheRatiosLastAndWritesEveryFigure() throws Exception {
    Path json = tmp.resolve("out/bench.json");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int status;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      status = new CommandLine(new BenchCommand()).execute("--scales", "0.004,0.002",
          "--warm-up-scale", "0", "--dumps-rows", "3000", "--seed", "5",
          "--work-dir", tmp.resolve("worlds").toString(), "--out", json.toString());
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.print(output);
    assertEquals(0, status, output);
    List<String> lines = output.lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches(LAST_LINE), lines.get(lines.size() - 1));
    assertTrue(output.contains("bench: | bench-dumps: 3000 rows"), output);

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode scales = root.get("scales");
    assertEquals(2, scales.size());
    assertEquals(0.002, scales.get(0).get("scale").asDouble(), "ascending order");
    assertEquals(0.004, scales.get(1).get("scale").asDouble());
    for (JsonNode scale : scales) {
      assertFalse(scale.get("world_reused").asBoolean());
      assertTrue(scale.get("source_rows").asLong() > 1000);
      assertEquals(9, scale.get("source_rows_per_table").size());
      assertTrue(scale.get("scan_seconds").asDouble() > 0);
      List<String> steps = iterable(scale.get("step_seconds").fieldNames());
      assertEquals(List.of("readiness", "graph", "metrics", "dumps", "serving"), steps);
      double sum = 0;
      for (String step : steps) {
        sum += scale.get("step_seconds").get(step).asDouble();
      }
      assertEquals(sum, scale.get("month_seconds").asDouble(), 1e-9);
      assertTrue(scale.get("peak_heap_bytes").asLong() > 0);
      assertEquals(5, scale.get("row_counts").size(), "the five base tables");
      assertEquals(14, scale.get("serving_row_counts").size(), "the fourteen serving tables");
      assertTrue(scale.get("graph_row_counts").get("categories").asLong() > 0);
      assertTrue(Files.isRegularFile(Path.of(scale.get("world").asText())
          .resolve("dumps/2024-02/commons_edits_2024-02.tsv.bz2")));
    }
    JsonNode small = scales.get(0);
    JsonNode large = scales.get(1);
    double rowsRatio = large.get("source_rows").asDouble() / small.get("source_rows").asDouble();
    double timeRatio =
        large.get("month_seconds").asDouble() / small.get("month_seconds").asDouble();
    assertEquals(rowsRatio, root.get("rows_ratio").asDouble(), 1e-9);
    assertEquals(timeRatio / rowsRatio, root.get("scaling").asDouble(), 1e-9);
    assertEquals(large.get("month_seconds").asDouble() / large.get("scan_seconds").asDouble(),
        root.get("scan_ratio").asDouble(), 1e-9);
    assertTrue(root.get("dumps_speedup").asDouble() > 0);
    assertEquals(3, root.get("machine").get("load_average_at_start").size());
    assertTrue(lines.get(lines.size() - 1).startsWith(String.format(java.util.Locale.ROOT,
            "bench: scaling=%.2f scan_ratio=%.2f graph_scan=%.2f dumps_bzip2=%.2f "
                + "dumps_speedup=%.2f shares=", root.get("scaling").asDouble(),
            root.get("scan_ratio").asDouble(), root.get("graph_scan_ratio").asDouble(),
            root.get("dumps_bzip2_ratio").asDouble(), root.get("dumps_speedup").asDouble())),
        lines.get(lines.size() - 1));
    for (JsonNode scale : scales) {
      JsonNode bzip2 = scale.get("bzip2_alone");
      assertTrue(bzip2.get("text_bytes").asLong() > 0 && bzip2.get("seconds").asDouble() > 0);
      assertEquals(scale.get("step_seconds").get("dumps").asDouble()
          / bzip2.get("seconds").asDouble(), scale.get("dumps_bzip2_ratio").asDouble(), 1e-9);
      JsonNode growth = scale.get("pageviews_per_category_monthly");
      assertEquals(scale.get("row_counts").get("commons_pageviews_per_category_monthly").asLong(),
          growth.get("rows").asLong());
      assertTrue(growth.get("primaries_only_rows").asLong() <= growth.get("rows").asLong());
    }

    // A second benchmark would reuse both worlds rather than generate them again.
    WorldCache cache = new WorldCache(tmp.resolve("worlds").toAbsolutePath(), false);
    WorldCache.World again = cache.get(new WorldPlan(0.002, 5, Month.parse("2024-02"), false));
    assertTrue(again.reused());
    assertEquals(small.get("source_rows").asLong(), again.totalRows());
  }

  @Test
  void needsTwoDistinctPositiveScales() {
    for (String scales : List.of("1", "1,1", "0,1", "-1,4")) {
      BenchCommand command = new BenchCommand();
      new CommandLine(command).parseArgs("--scales", scales);
      assertThrows(InvalidInputException.class, command::validScales, scales);
    }
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs("--scales", "4,1,4");
    assertEquals(List.of(1.0, 4.0), command.validScales());
    new CommandLine(command).parseArgs();
    assertEquals(List.of(1.0, 4.0), command.validScales(), "default scales");
  }

  @Test
  void worldFoldersAreNamedByWhatMakesTheWorld() {
    Month month = Month.parse("2024-02");
    assertEquals("world-s4-seed1-2024-02", WorldCache.folderName(new WorldPlan(4, 1, month, false)));
    assertEquals("world-s0.25-seed9-2024-02-mega",
        WorldCache.folderName(new WorldPlan(0.25, 9, month, true)));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
