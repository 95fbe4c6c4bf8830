package org.commonsimpact.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's output contract (SPEC §10), checked on the packaged launcher as outside
 * tools use it: {@code bin/cim} in a child process, standard output compared byte for byte, and
 * standard error kept apart. Standard output carries a command's result and nothing else: a JVM,
 * Spark or Hadoop warning there breaks every script that reads it, and fails these tests.
 *
 * <p>One {@code bin/cim demo} (the README's first command) computes the golden month; the
 * {@code sql} checks read its warehouse. Expected results are the golden fixture's files; the
 * texts of {@code --help}, {@code run --help} and {@code --version} are kept in
 * {@code src/test/resources/cli/}, so a change to the command line's manual shows in review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineContractIT {
  private static final String MONTH = "2024-02";

  private Path demo;
  private PackagedCim.Output demoRun;

  @BeforeAll
  void runDemo(@TempDir Path temp) {
    demo = temp.resolve("demo");
    demoRun = PackagedCim.capture("demo", "--out", demo.toString());
    assertEquals(0, demoRun.status(), demoRun.stderr());
  }

  @Test
  void demoPrintsOnlyItsSummary() {
    String expected = "demo: month " + MONTH + " computed on the sample world\n"
        + "  warehouse: " + demo.resolve("warehouse") + "\n"
        + "  dumps:     " + demo.resolve("dumps").resolve(MONTH) + "\n"
        + "  report:    " + demo.resolve("report-" + MONTH + ".json") + "\n"
        + "  try:       bin/cim sql --warehouse " + demo.resolve("warehouse")
        + " \"SELECT * FROM commons.category_graph\"\n";
    assertEquals(expected, demoRun.stdoutText());
  }

  @Test
  void sqlPrintsTheCategoryGraphAsTheGoldenFile() throws IOException {
    Path expected = SparkTestSupport.goldenDir().resolve("expected/graph.tsv");
    List<String> expectedLines = Files.readAllLines(expected, StandardCharsets.UTF_8);
    String columns = expectedLines.get(0).replace('\t', ',');
    PackagedCim.Output out = sql("SELECT " + columns + " FROM commons.category_graph"
        + " WHERE year_month = '" + MONTH + "'");
    assertTable(expectedLines.get(0), expectedLines.subList(1, expectedLines.size()), out);
  }

  /** Base-table rows printed by {@code sql} equal their dump lines (SPEC §10). */
  @ParameterizedTest
  @ValueSource(strings = {
      "commons_category_metrics_snapshot",
      "commons_media_file_metrics_snapshot",
      "commons_pageviews_per_category_monthly",
      "commons_pageviews_per_media_file_monthly",
      "commons_edits"})
  void sqlPrintsEachBaseTableAsItsDumpLines(String table) throws IOException {
    Path expected = SparkTestSupport.goldenDir().resolve("expected/" + table + ".tsv");
    PackagedCim.Output out = sql("SELECT * FROM commons." + table);
    assertTable(baseTableHeader(table), Files.readAllLines(expected, StandardCharsets.UTF_8), out);
  }

  /** Serving rows, with their timestamps, INT years and ranks (SPEC §10 value formats). */
  @ParameterizedTest
  @ValueSource(strings = {
      "category_metrics_snapshot", "edits_per_user_monthly", "top_pages_per_category_monthly"})
  void sqlPrintsServingTablesAsTheGoldenFiles(String table) throws IOException {
    Path expected = SparkTestSupport.goldenDir().resolve("expected/serving/" + table + ".tsv");
    List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
    PackagedCim.Output out = sql("SELECT * FROM serving." + table);
    assertTable(lines.get(0), lines.subList(1, lines.size()), out);
  }

  @Test
  void sqlFormatsEveryKindOfValue() {
    PackagedCim.Output out = sql("SELECT CAST(NULL AS STRING) AS missing,"
        + " array('b', 'a') AS titles, CAST(array() AS ARRAY<STRING>) AS no_titles,"
        + " CAST(NULL AS ARRAY<STRING>) AS null_titles,"
        + " TIMESTAMP '2024-02-29 23:59:59' AS dt, true AS yes, false AS no,"
        + " CAST(NULL AS BOOLEAN) AS unknown, CAST(3 AS BIGINT) AS n, 'Café_ü' AS title");
    assertEquals(0, out.status(), out.stderr());
    String expected = "missing\ttitles\tno_titles\tnull_titles\tdt\tyes\tno\tunknown\tn\ttitle\n"
        + "\\N\tb|a\t\t\\N\t2024-02-29T23:59:59\ttrue\tfalse\t\\N\t3\tCafé_ü\n";
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), out.stdout(),
        () -> "stdout was:\n" + out.stdoutText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "run --help", "--version"})
  void manualTextsAreStable(String arguments) throws IOException {
    PackagedCim.Output out = PackagedCim.capture(arguments.split(" "));
    assertEquals(0, out.status(), out.stderr());
    String resource = "cli/" + arguments.replace("--", "").replace(' ', '-') + ".txt";
    assertEquals(resourceText(resource), out.stdoutText(), resource);
    assertEquals("", out.stderr(), "a manual page writes nothing to stderr");
  }

  static List<List<String>> invalidCalls() {
    return List.of(
        List.of("run", "--month", "2024-13", "--allow-list", "A", "--warehouse", "W",
            "--dumps-root", "D"),
        List.of("sql", "SELECT 1"),
        List.of("no-such-command"),
        List.of("sql", "--warehouse", "WAREHOUSE", "SELECT * FROM commons.no_such_table"));
  }

  /** Invalid input: exit 2, nothing on stdout, exactly one {@code error:} line on stderr. */
  @ParameterizedTest
  @MethodSource("invalidCalls")
  void invalidCallsPrintOneErrorLineAndNoResult(List<String> call) {
    String[] args = call.stream()
        .map(arg -> arg.equals("WAREHOUSE") ? demo.resolve("warehouse").toString() : arg)
        .toArray(String[]::new);
    PackagedCim.Output out = PackagedCim.capture(args);
    assertEquals(2, out.status(), out.stderr());
    assertEquals("", out.stdoutText());
    List<String> errors = new ArrayList<>();
    for (String line : out.stderr().split("\n")) {
      if (line.startsWith("error:")) {
        errors.add(line);
      }
    }
    assertEquals(1, errors.size(), out.stderr());
  }

  private PackagedCim.Output sql(String query) {
    return PackagedCim.capture("sql", "--warehouse", demo.resolve("warehouse").toString(), query);
  }

  /**
   * Standard output is exactly {@code header}, then the expected rows in some order: compared as
   * bytes once both bodies are sorted by their UTF-8 bytes (the dumps' order).
   */
  private static void assertTable(String header, List<String> expectedRows,
      PackagedCim.Output out) {
    assertEquals(0, out.status(), out.stderr());
    String text = out.stdoutText();
    assertTrue(text.endsWith("\n"), "output ends with a newline");
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    lines.remove(lines.size() - 1);
    assertEquals(header, lines.get(0), "first line is the header");
    List<String> rows = sortedByBytes(lines.subList(1, lines.size()));
    assertEquals(sortedByBytes(expectedRows), rows);
  }

  private static List<String> sortedByBytes(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8)));
    return sorted;
  }

  /** The columns of SPEC §5, in its order. */
  private static String baseTableHeader(String table) {
    List<String> columns = switch (table) {
      case "commons_category_metrics_snapshot" -> List.of("category", "parent_categories",
          "primary_categories", "media_file_count", "media_file_count_deep",
          "used_media_file_count", "used_media_file_count_deep", "leveraging_wiki_count",
          "leveraging_wiki_count_deep", "leveraging_page_count", "leveraging_page_count_deep",
          "year_month");
      case "commons_media_file_metrics_snapshot" -> List.of("media_file", "media_type",
          "categories", "primary_categories", "leveraging_wiki_count", "leveraging_page_count",
          "year_month");
      case "commons_pageviews_per_category_monthly" -> List.of("category", "category_scope",
          "primary_categories", "wiki", "page_title", "pageview_count", "year_month");
      case "commons_pageviews_per_media_file_monthly" -> List.of("media_file", "categories",
          "primary_categories", "wiki", "page_title", "pageview_count", "year_month");
      case "commons_edits" -> List.of("user_name", "edit_type", "media_file", "categories",
          "primary_categories", "dt");
      default -> throw new IllegalArgumentException(table);
    };
    return String.join("\t", columns);
  }

  private static String resourceText(String name) throws IOException {
    try (InputStream in = CommandLineContractIT.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
