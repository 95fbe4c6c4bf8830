package org.commonsimpact.app;

import static org.commonsimpact.app.InProcessCim.cim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.app.InProcessCim.Outcome;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users and outside tests drive it (SPEC §10): exit codes, one {@code error:}
 * line naming the input, {@code sql} output, and published tables left unchanged by bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
  @TempDir static Path temp;
  private Path warehouse;
  private final Path golden = SparkTestSupport.goldenDir();

  private String snapshotOfPublished() {
    return cim("sql", "--warehouse", warehouse.toString(),
        "SELECT * FROM commons.category_graph ORDER BY page_id").out()
        + cim("sql", "--warehouse", warehouse.toString(),
            "SELECT * FROM commons.commons_category_metrics_snapshot ORDER BY category").out();
  }

  @BeforeAll
  void publishGoldenMonth() throws IOException {
    warehouse = temp.resolve("wh");
    Outcome imported = cim("import-tsv", "--input", golden.resolve("input").toString(),
        "--warehouse", warehouse.toString());
    assertEquals(0, imported.status(), imported.err());
    Path report = temp.resolve("report.json");
    Outcome run = cim("run", "--month", "2024-02", "--allow-list",
        golden.resolve("allow_list.txt").toString(), "--warehouse", warehouse.toString(),
        "--stages", "graph,metrics", "--report", report.toString());
    assertEquals(0, run.status(), run.err());
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    JsonNode expected = new ObjectMapper().readTree(golden.resolve("expected/report.json").toFile());
    for (String field : List.of("month", "max_depth", "allow_list", "primary_categories",
        "allow_list_not_found", "graph_row_counts", "row_counts")) {
      assertEquals(expected.get(field), json.get(field), field);
    }
    assertEquals("succeeded", json.get("status").asText());
  }

  @Test
  void sqlPrintsHeaderAndRowsLikeDumpLines() {
    Outcome o = cim("sql", "--warehouse", warehouse.toString(),
        "SELECT page_id, page_title, page_type, is_primary, depth, parent_categories, "
            + "primary_categories FROM commons.category_graph");
    assertEquals(0, o.status(), o.err());
    List<String> lines = new ArrayList<>(List.of(o.out().split("\n")));
    List<String> expected = SparkTestSupport.readLines(golden.resolve("expected/graph.tsv"));
    assertEquals(expected.get(0), lines.remove(0));
    lines.sort(SparkTestSupport::compareCodePoints);
    assertEquals(SparkTestSupport.sortedBody(golden.resolve("expected/graph.tsv"), true), lines);

    Outcome nulls = cim("sql", "--warehouse", warehouse.toString(),
        "SELECT CAST(NULL AS STRING) AS a, true AS b, TIMESTAMP '2024-02-01 10:00:00' AS c");
    assertEquals("a\tb\tc\n\\N\ttrue\t2024-02-01T10:00:00\n", nulls.out());
  }

  @Test
  void invalidArgumentsExitTwoWithOneErrorLine() {
    String wh = warehouse.toString();
    String allow = golden.resolve("allow_list.txt").toString();
    Outcome[] outcomes = {
      cim("run", "--month", "2024-13", "--allow-list", allow, "--warehouse", wh),
      cim("run", "--month", "2024-02", "--allow-list", allow, "--warehouse", wh,
          "--stages", "graph,bogus"),
      cim("run", "--month", "2024-02", "--warehouse", wh, "--stages", "graph"),
      cim("run", "--month", "2024-02", "--allow-list", allow, "--warehouse", wh,
          "--max-depth", "-1"),
      cim("sql", "--warehouse", wh, "SELECT * FROM commons.no_such_table"),
      cim("run", "--allow-list", allow, "--warehouse", wh),
      cim("bogus-command"),
    };
    String[] named = {"2024-13", "bogus", "--allow-list", "--max-depth", "no_such_table",
        "--month", "bogus-command"};
    for (int i = 0; i < outcomes.length; i++) {
      assertEquals(2, outcomes[i].status(), outcomes[i].err());
      List<String> errors = outcomes[i].errorLines();
      assertEquals(1, errors.size(), outcomes[i].err());
      assertTrue(errors.get(0).contains(named[i]), errors.get(0));
    }
  }

  @Test
  void badAllowListAndMissingMonthChangeNothingPublished() throws IOException {
    String before = snapshotOfPublished();
    Path forbidden = temp.resolve("forbidden.txt");
    Files.writeString(forbidden, "Museum_A\nMuseum_[B]\n");
    Path badEscape = temp.resolve("escape.txt");
    Files.writeString(badEscape, "Museum_A\n# comment\nMuseum_%C3%28\n");
    Path missing = temp.resolve("missing.txt");
    Outcome[] outcomes = {
      cim("run", "--month", "2024-02", "--allow-list", forbidden.toString(), "--warehouse",
          warehouse.toString(), "--stages", "graph,metrics"),
      cim("run", "--month", "2024-02", "--allow-list", badEscape.toString(), "--warehouse",
          warehouse.toString(), "--stages", "graph,metrics"),
      cim("run", "--month", "2024-02", "--allow-list", missing.toString(), "--warehouse",
          warehouse.toString(), "--stages", "graph,metrics"),
      cim("run", "--month", "2024-03", "--allow-list", golden.resolve("allow_list.txt").toString(),
          "--warehouse", warehouse.toString(), "--stages", "graph,metrics"),
    };
    String[] named = {"line 2", "line 3", "missing.txt", "source.mediawiki_page"};
    for (int i = 0; i < outcomes.length; i++) {
      assertEquals(2, outcomes[i].status(), outcomes[i].err());
      List<String> errors = outcomes[i].errorLines();
      assertEquals(1, errors.size(), outcomes[i].err());
      assertTrue(errors.get(0).contains(named[i]), errors.get(0));
    }
    assertEquals(before, snapshotOfPublished());
  }

  @Test
  void helpReadsLikeAManualPage() {
    for (String command : List.of("run", "import-tsv", "sql", "backfill", "demo")) {
      Outcome o = cim(command, "--help");
      assertEquals(0, o.status());
      assertTrue(o.out().contains("Usage: cim " + command), o.out());
    }
    Outcome top = cim("--help");
    assertTrue(top.out().contains("Exit status"), top.out());
  }
}
