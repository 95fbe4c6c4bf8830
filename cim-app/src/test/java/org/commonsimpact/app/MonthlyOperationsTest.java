package org.commonsimpact.app;

import static org.commonsimpact.app.InProcessCim.cim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.app.InProcessCim.Outcome;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's operations contract on a warehouse where two months are published by one back-fill:
 * a run killed with SIGKILL in the middle of a stage and started again, a re-run of a published
 * month, and every kind of bad input each leave every published table and dump file exactly as the
 * uninterrupted back-fill wrote them.
 *
 * <p>Re-running a month overwrites all of its tables (each gets a new Iceberg snapshot) and dump
 * files; that nothing changes then also shows that a single run of the month gives the same output
 * as the back-fill did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyOperationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private final Path golden = SparkTestSupport.goldenDir();
  private Path world;
  private String warehouse;
  private Path dumps;
  private Path reports;
  private Map<String, Object> published;

  private List<String> runArgs(String month, String allowList, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--month", month, "--allow-list", allowList,
        "--warehouse", warehouse, "--dumps-root", dumps.toString()));
    args.addAll(List.of(more));
    return args;
  }

  private String allowList() {
    return golden.resolve("allow_list.txt").toString();
  }

  private static JsonNode read(Path report) throws IOException {
    return JSON.readTree(report.toFile());
  }

  @BeforeAll
  void backfillTwoMonths() throws IOException {
    world = TwoMonthWorld.write(golden.resolve("input"), temp.resolve("world"));
    warehouse = temp.resolve("warehouse").toString();
    dumps = temp.resolve("dumps");
    reports = temp.resolve("reports");
    Outcome imported = cim("import-tsv", "--input", world.toString(), "--warehouse", warehouse);
    assertEquals(0, imported.status(), imported.err());
    Outcome backfill = cim("backfill", "--from", "2024-02", "--to", "2024-03", "--allow-list",
        allowList(), "--warehouse", warehouse, "--dumps-root", dumps.toString(), "--report",
        reports.resolve("{month}.json").toString());
    assertEquals(0, backfill.status(), backfill.err());
    published = PublishedState.of(warehouse, dumps);

    JsonNode expected = read(golden.resolve("expected/report.json"));
    for (String month : List.of("2024-02", "2024-03")) {
      JsonNode report = read(reports.resolve(month + ".json"));
      assertEquals(month, report.get("month").asText());
      assertEquals("succeeded", report.get("status").asText());
      assertEquals(0, report.get("exit_status").asInt());
      assertTrue(report.get("spark_application_id").asText().length() > 0, report.toString());
      // March holds February's rows plus the revisions the golden snapshot has after February.
      List<String> same = month.equals("2024-02")
          ? List.of("row_counts", "serving_row_counts", "graph_row_counts", "allow_list_not_found")
          : List.of("graph_row_counts", "allow_list_not_found");
      for (String field : same) {
        assertEquals(expected.get(field), report.get(field), month + " " + field);
      }
      JsonNode inputs = report.get("input_row_counts");
      assertEquals(9, inputs.size(), inputs.toString());
      assertEquals(pageviewRows(month),
          inputs.get(SourceTables.PAGEVIEW_HOURLY.qualifiedName()).asLong(), inputs.toString());
      assertEquals(List.of("graph", "metrics", "dumps", "serving"),
          iterable(report.get("stage_seconds").fieldNames()));
      assertTrue(report.get("warnings").toString().contains("Old_only"), report.toString());
    }
    assertEquals(2, published.keySet().stream()
        .filter(k -> k.startsWith("dumps/") && k.endsWith("/_manifest.json")).count(),
        published.keySet().toString());
  }

  /** Pageview rows of the month in the world's TSV file. */
  private long pageviewRows(String month) throws IOException {
    String[] yearMonth = month.split("-");
    return Files.readAllLines(world.resolve("pageview_hourly.tsv")).stream()
        .map(line -> line.split("\t", -1))
        .filter(f -> f[5].equals(yearMonth[0])
            && f[6].equals(String.valueOf(Integer.parseInt(yearMonth[1]))))
        .count();
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  /**
   * {@code bin/cim run} as a separate process, killed with SIGKILL as soon as the dumps stage
   * starts (graph and metrics of the month rewritten, dump files being staged), then started again
   * (the same {@code run} command, in this JVM): the warehouse and the dump folder end exactly as
   * the uninterrupted back-fill left them.
   */
  @Test
  @Order(1)
  void runKilledInTheMiddleOfAStageAndStartedAgainEndsLikeAnUninterruptedRun() throws Exception {
    Map<String, Long> before = PublishedState.snapshotIds(warehouse);
    List<String> args = runArgs("2024-03", allowList());
    Process killed = launcher(args).start();
    boolean sawStage = false;
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(killed.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        if (line.contains("[dumps] start 2024-03")) {
          sawStage = true;
          killed.destroyForcibly();
          break;
        }
      }
    }
    assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
    assertTrue(sawStage, "the run never reached the dumps stage; exit " + killed.exitValue());
    assertNotEquals(0, killed.exitValue());
    Map<String, Long> afterKill = PublishedState.snapshotIds(warehouse);
    assertNotEquals(before.get("commons.commons_edits"), afterKill.get("commons.commons_edits"),
        "the killed run should have rewritten the month's base tables before it was killed");

    // Started again as the same command, in this JVM: what the next run finds is what the killed
    // process left on disk (the warehouse and the dump folder), whatever JVM runs it; a second
    // cold JVM would only add a minute of Spark start-up.
    Outcome again = cim(args.toArray(String[]::new));
    assertEquals(0, again.status(), again.err());
    assertEquals(published, PublishedState.of(warehouse, dumps));
  }

  private ProcessBuilder launcher(List<String> args) {
    Path home = golden.getParent().getParent();
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/cim").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("CIM_CLASSPATH",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    builder.environment().put("CIM_DRIVER_MEMORY", "2g");
    // As the test JVM (the parent pom's argLine): C1 only, two shuffle partitions. The C2
    // compiler's work costs more CPU than it saves in these short-lived JVMs.
    builder.environment().put("CIM_JAVA_OPTS",
        "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m -Dspark.sql.shuffle.partitions=2");
    return builder;
  }

  /** A second run of a published month rewrites every table and dump file with the same bytes. */
  @Test
  @Order(2)
  void rerunOfAPublishedMonthChangesNothing() throws IOException {
    Map<String, Long> before = PublishedState.snapshotIds(warehouse);
    Path report = reports.resolve("rerun.json");
    Outcome rerun = cim(runArgs("2024-02", allowList(), "--partial-pageviews", "--report",
        report.toString()).toArray(String[]::new));
    assertEquals(0, rerun.status(), rerun.err());
    assertEquals(published, PublishedState.of(warehouse, dumps));
    Map<String, Long> after = PublishedState.snapshotIds(warehouse);
    for (String table : before.keySet()) {
      assertNotEquals(before.get(table), after.get(table), table + " was not rewritten");
    }
    JsonNode json = read(report);
    assertTrue(json.get("partial_pageviews").asBoolean());
    assertTrue(json.get("warnings").toString().contains("--partial-pageviews"), json.toString());
  }

  /**
   * Each bad input is exit 2 with one {@code error:} line naming it, a report saying so, and
   * nothing published changes.
   */
  @Test
  @Order(3)
  void badInputExitsTwoNamingItAndChangesNothing() throws IOException {
    Path forbidden = temp.resolve("forbidden.txt");
    Files.writeString(forbidden, "Museum_A\nMuseum_[B]\n");
    Path badEscape = temp.resolve("escape.txt");
    Files.writeString(badEscape, "Museum_A\n# comment\nMuseum_%C3%28\n");
    Path missing = temp.resolve("no-such-allow-list.txt");
    Path unreadable = temp.resolve("allow-list-folder");
    Files.createDirectories(unreadable);
    Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
    cases.put(runArgs("2024-13", allowList()), "2024-13");
    cases.put(runArgs("2024-02", forbidden.toString()), "line 2");
    cases.put(runArgs("2024-02", badEscape.toString()), "line 3");
    cases.put(runArgs("2024-02", missing.toString()), "no-such-allow-list.txt");
    cases.put(runArgs("2024-02", unreadable.toString()), "allow-list-folder");
    cases.put(runArgs("2024-04", allowList()), "source.mediawiki_page");
    int i = 0;
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      Path report = reports.resolve("bad-" + i++ + ".json");
      List<String> args = new ArrayList<>(c.getKey());
      args.addAll(List.of("--report", report.toString()));
      Outcome o = cim(args.toArray(String[]::new));
      assertEquals(2, o.status(), c.getKey() + "\n" + o.err());
      assertEquals(1, o.errorLines().size(), o.err());
      assertTrue(o.errorLines().get(0).contains(c.getValue()), o.errorLines().get(0));
      if (!c.getValue().equals("2024-13")) {
        JsonNode json = read(report);
        assertEquals("failed", json.get("status").asText());
        assertEquals(2, json.get("exit_status").asInt());
        assertEquals(o.errorLines().get(0), "error: " + json.get("error").asText());
      }
    }
    String noData = cim(runArgs("2024-04", allowList()).toArray(String[]::new)).errorLines().get(0);
    for (SourceTables table : SourceTables.values()) {
      if (table != SourceTables.WIKIS) {
        assertTrue(noData.contains(table.qualifiedName()), "all missing inputs named: " + noData);
      }
    }
    assertEquals(published, PublishedState.of(warehouse, dumps));
  }

  /**
   * A malformed source row, in a TSV file to import or in a source table a stage reads, is exit 2
   * naming the input; sources and published data stay as they were.
   */
  @Test
  @Order(4)
  void malformedSourceRowsExitTwoAndChangeNothing() throws IOException {
    SparkSession session = CimSession.open(warehouse);
    Map<String, List<String>> sources = new TreeMap<>();
    for (SourceTables table : SourceTables.values()) {
      sources.put(table.qualifiedName(),
          SparkTestSupport.sortedTsvLines(session.table(table.qualifiedName())));
    }
    Path badWorld = temp.resolve("bad-world");
    Files.createDirectories(badWorld);
    try (var files = Files.list(world)) {
      for (Path file : files.toList()) {
        Files.copy(file, badWorld.resolve(file.getFileName()));
      }
    }
    Files.writeString(badWorld.resolve("mediawiki_actor.tsv"), "commonswiki\t2024-02\t77\n",
        java.nio.file.StandardOpenOption.APPEND);
    Outcome imported = cim("import-tsv", "--input", badWorld.toString(), "--warehouse", warehouse);
    assertEquals(2, imported.status(), imported.err());
    assertEquals(1, imported.errorLines().size(), imported.err());
    assertTrue(imported.errorLines().get(0).contains("mediawiki_actor.tsv"), imported.err());
    for (SourceTables table : SourceTables.values()) {
      assertEquals(sources.get(table.qualifiedName()),
          SparkTestSupport.sortedTsvLines(session.table(table.qualifiedName())), table.name());
    }

    String revisions = SourceTables.MEDIAWIKI_REVISION.qualifiedName();
    session.sql("INSERT INTO " + revisions + " SELECT wiki_db, snapshot, 990001, rev_page, "
        + "rev_actor, '20240230120000', rev_parent_id, rev_deleted FROM " + revisions
        + " WHERE snapshot = '2024-02' AND rev_id = 1");
    try {
      Outcome o = cim(runArgs("2024-02", allowList()).toArray(String[]::new));
      assertEquals(2, o.status(), o.err());
      assertEquals(1, o.errorLines().size(), o.err());
      assertTrue(o.errorLines().get(0).contains(revisions), o.errorLines().get(0));
      assertTrue(o.errorLines().get(0).contains("990001"), o.errorLines().get(0));
    } finally {
      session.sql("DELETE FROM " + revisions + " WHERE rev_id = 990001");
    }
    assertFalse(published.isEmpty());
    assertEquals(published, PublishedState.of(warehouse, dumps));
  }
}
