package org.commonsimpact.app;

import static org.commonsimpact.app.InProcessCim.cim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.execution.datasources.PartitionDirectory;
import org.apache.spark.sql.execution.exchange.ReusedExchangeExec;
import org.apache.spark.sql.hive.execution.HiveTableScanExec;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.commonsimpact.app.InProcessCim.Outcome;
import org.commonsimpact.common.BaseTables;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SourceBinding;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.commonsimpact.common.TsvSourceImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/**
 * Issue 17: the golden month read in place from tables shaped like the Wikimedia data lake's, in a
 * Hive metastore (embedded Derby in a temporary folder), bound by {@code
 * config/sources-wmf.properties} as is (its {@code spark_catalog} is this test's metastore). The
 * binding comes from the Spark property {@code spark.cim.sources}, as under {@code spark-submit};
 * the bad bindings come by {@code --sources}.
 *
 * <p>Needs a JVM of its own: Hive support is chosen when the JVM's SparkContext starts (the build
 * runs this class in a separate surefire execution). One session and one month: the warehouse's
 * imported copies of the sources are dropped before the run, every partition outside the month is
 * spoiled, and every physical plan of the run is recorded and inspected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HiveSourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<QueryExecution> EXECUTED = Collections.synchronizedList(
      new ArrayList<>());

  @TempDir static Path temp;
  private final Path golden = SparkTestSupport.goldenDir();
  private final Path wmfSources = golden.resolve("../../config/sources-wmf.properties")
      .normalize();
  private SparkSession session;
  private HiveWorld world;
  private String warehouse;
  private Path dumps;
  private JsonNode report;
  private int spoiledPartitions;
  private Map<String, String> filesBefore;
  private Map<String, List<String>> partitionsBefore;
  /** The queries of the month's run. */
  private List<QueryExecution> runPlans;

  /** Records every query the JVM's sessions run (set by {@code spark.sql.queryExecutionListeners}). */
  public static final class PlanRecorder implements QueryExecutionListener {
    @Override
    public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
      EXECUTED.add(qe);
    }

    @Override
    public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
  }

  @BeforeAll
  void runGoldenMonthOnHiveTables() throws Exception {
    Path hiveWarehouse = temp.resolve("hive-warehouse");
    System.setProperty("spark.sql.catalogImplementation", "hive");
    System.setProperty("spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + temp.resolve("metastore_db") + ";create=true");
    System.setProperty("spark.sql.warehouse.dir", hiveWarehouse.toUri().toString());
    System.setProperty("derby.system.home", temp.toString());
    System.setProperty("spark.sql.queryExecutionListeners", PlanRecorder.class.getName());
    System.setProperty(SourceBinding.SPARK_PROPERTY, wmfSources.toString());
    warehouse = temp.resolve("warehouse").toString();
    dumps = temp.resolve("dumps");
    session = CimSession.open(warehouse);
    assertEquals("hive", session.sparkContext().getConf().get("spark.sql.catalogImplementation"),
        "this class needs a JVM whose SparkContext it starts");

    new TsvSourceImporter(session).importAll(golden.resolve("input"));
    world = new HiveWorld(session, hiveWarehouse);
    world.build();
    for (SourceTables table : SourceTables.values()) {
      session.sql("DROP TABLE " + table.qualifiedName());
    }
    spoiledPartitions = world.corruptUnreadPartitions();
    filesBefore = world.fileStates();
    partitionsBefore = world.partitions();

    Path reportFile = temp.resolve("report.json");
    EXECUTED.clear();
    Outcome run = cim("run", "--month", HiveWorld.MONTH, "--allow-list",
        golden.resolve("allow_list.txt").toString(), "--warehouse", warehouse,
        "--dumps-root", dumps.toString(), "--stages", "graph,metrics,dumps",
        "--report", reportFile.toString());
    session.sparkContext().listenerBus().waitUntilEmpty();
    synchronized (EXECUTED) {
      runPlans = new ArrayList<>(EXECUTED);
    }
    assertEquals(0, run.status(), run.err());
    report = JSON.readTree(reportFile.toFile());
  }

  @Test
  void baseTablesAndDumpsAreTheGoldenOnes() throws IOException {
    Month month = Month.parse(HiveWorld.MONTH);
    for (String table : Tables.BASE_TABLES) {
      Path expected = golden.resolve("expected/" + table + ".tsv");
      List<String> columns = BaseTables.columns(table).stream().map(c -> c.split(" ")[0])
          .toList();
      assertEquals(SparkTestSupport.sortedBody(expected, false),
          SparkTestSupport.sortedTsvLines(session.sql("SELECT " + String.join(", ", columns)
              + " FROM " + Tables.commons(table) + " WHERE "
              + BaseTables.monthFilter(table, month))), table);
      Path dump = dumps.resolve(HiveWorld.MONTH + "/" + table + "_" + HiveWorld.MONTH
          + ".tsv.bz2");
      try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(dump), true)) {
        assertEquals(new String(Files.readAllBytes(expected), StandardCharsets.UTF_8),
            new String(in.readAllBytes(), StandardCharsets.UTF_8), dump.toString());
      }
    }
    JsonNode expected = JSON.readTree(golden.resolve("expected/report.json").toFile());
    for (String field : List.of("allow_list_not_found", "graph_row_counts", "row_counts")) {
      assertEquals(expected.get(field), report.get(field), field);
    }
  }

  @Test
  void reportNamesEachSourceBindingAndMissingHours() {
    JsonNode sources = report.get("sources");
    assertEquals("table: spark_catalog.wmf_raw.mediawiki_private_linktarget",
        sources.get("mediawiki_linktarget").asText());
    assertEquals("table: spark_catalog.wmf.pageview_hourly",
        sources.get("pageview_hourly").asText());
    assertTrue(sources.get("mediawiki_image").asText().startsWith("query: SELECT f.wiki_db"),
        sources.toString());
    assertEquals(SourceTables.values().length, sources.size());
    String warnings = report.get("warnings").toString();
    assertTrue(warnings.contains("lacks hour partitions"), warnings);
    assertTrue(warnings.contains("day (hours): 1 (1-23)"), warnings);
  }

  @Test
  void everyReadOfASourceIsPrunedToTheMonth() {
    assertTrue(spoiledPartitions >= 20, "decoy partitions: " + spoiledPartitions);
    Set<String> scanned = new TreeSet<>();
    List<SparkPlan> scans = new ArrayList<>();
    for (QueryExecution qe : runPlans) {
      collectScans(qe.executedPlan(), scans);
    }
    for (SparkPlan scan : scans) {
      if (scan instanceof HiveTableScanExec hive) {
        String table = hive.relation().tableMeta().identifier().unquotedString();
        scanned.add(table);
        assertTrue(hive.partitionPruningPred().nonEmpty(), "no partition filter: " + table);
        var partitions = JavaConverters.seqAsJavaList(hive.prunedPartitions());
        assertFalse(partitions.isEmpty(), table);
        for (var partition : partitions) {
          Map<String, String> spec = partition.getSpec();
          assertEquals(HiveWorld.MONTH, spec.get("snapshot"), table + " read " + spec);
          if (HiveWorld.COMMONS_ONLY.contains(hive.relation().tableMeta().identifier().table())) {
            assertEquals("commonswiki", spec.get("wiki_db"), table + " read " + spec);
          }
        }
      } else if (scan instanceof FileSourceScanExec file && file.tableIdentifier().isDefined()) {
        String table = file.tableIdentifier().get().unquotedString();
        scanned.add(table);
        if (table.endsWith("pageview_hourly")) {
          Set<String> filtered = new TreeSet<>();
          for (Expression e : JavaConverters.seqAsJavaList(file.partitionFilters())) {
            JavaConverters.setAsJavaSet(e.references().toSet()).forEach(a -> filtered.add(
                ((org.apache.spark.sql.catalyst.expressions.Attribute) a).name()));
          }
          assertTrue(filtered.containsAll(List.of("year", "month")), table + ": " + filtered);
          var schema = file.relation().partitionSchema();
          for (PartitionDirectory dir : file.selectedPartitions()) {
            assertEquals(2024, dir.values().getInt(schema.fieldIndex("year")), table);
            assertEquals(2, dir.values().getInt(schema.fieldIndex("month")), table);
          }
        }
      }
    }
    assertEquals(Set.of("spark_catalog.wmf_raw.mediawiki_page",
        "spark_catalog.wmf_raw.mediawiki_categorylinks",
        "spark_catalog.wmf_raw.mediawiki_private_linktarget",
        "spark_catalog.wmf_raw.mediawiki_imagelinks",
        "spark_catalog.wmf_raw.mediawiki_revision",
        "spark_catalog.wmf_raw.mediawiki_private_actor",
        "spark_catalog.wmf_raw.mediawiki_file",
        "spark_catalog.wmf_raw.mediawiki_filetypes",
        "spark_catalog.wmf.pageview_hourly",
        "spark_catalog.canonical_data.wikis"), scanned);
  }

  /** Scans of a physical plan, through adaptive plans, query stages, caches and subqueries. */
  private static void collectScans(SparkPlan plan, List<SparkPlan> out) {
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      collectScans(adaptive.executedPlan(), out);
    } else if (plan instanceof QueryStageExec stage) {
      collectScans(stage.plan(), out);
    } else if (plan instanceof ReusedExchangeExec reused) {
      collectScans(reused.child(), out);
    } else if (plan instanceof InMemoryTableScanExec cached) {
      collectScans(cached.relation().cachedPlan(), out);
    } else if (plan instanceof HiveTableScanExec || plan instanceof FileSourceScanExec) {
      out.add(plan);
    }
    for (SparkPlan child : JavaConverters.seqAsJavaList(plan.children())) {
      collectScans(child, out);
    }
    for (SparkPlan subquery : JavaConverters.seqAsJavaList(plan.subqueries())) {
      collectScans(subquery, out);
    }
  }

  @Test
  void sourceTablesAreUnchanged() {
    assertEquals(filesBefore, world.fileStates());
    assertEquals(partitionsBefore, world.partitions());
  }

  /**
   * A month the tables do not hold: readiness names what is missing from partition metadata alone
   * (every partition of 2024-01 is spoiled, so reading one would fail the run with exit 1).
   */
  @Test
  void readinessReadsPartitionMetadataOnly() {
    Outcome o = cim("run", "--month", "2024-01", "--allow-list",
        golden.resolve("allow_list.txt").toString(), "--warehouse", warehouse,
        "--stages", "graph,metrics");
    assertEquals(2, o.status(), o.err());
    assertEquals(1, o.errorLines().size(), o.err());
    String error = o.errorLines().get(0);
    assertTrue(error.contains("source.pageview_hourly (spark_catalog.wmf.pageview_hourly) has no "
        + "rows for 2024-01 on day(s) 1-30"), error);
    assertTrue(error.contains("source.mediawiki_revision "
        + "(spark_catalog.wmf_raw.mediawiki_revision) has no rows at snapshot 2024-01"), error);
    assertTrue(error.contains("source.mediawiki_image has no rows at snapshot 2024-01"), error);
    assertFalse(error.contains("mediawiki_categorylinks"), error);
  }

  @Test
  void badBindingsAreRefusedBeforeAnyStage() throws IOException {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("mediawiki_pages = spark_catalog.wmf_raw.mediawiki_page\n",
        List.of("unknown logical table 'mediawiki_pages'"));
    cases.put("mediawiki_actor = spark_catalog.wmf_raw.mediawiki_actor\n",
        List.of("mediawiki_actor", "spark_catalog.wmf_raw.mediawiki_actor not found"));
    cases.put("mediawiki_image = SELECT wiki_db, snapshot, file_name AS img_name "
        + "FROM spark_catalog.wmf_raw.mediawiki_file\n",
        List.of("mediawiki_image", "lacks column(s) img_media_type"));
    cases.put("wikis = SELECT database_code, domain_name, status FROM "
        + "spark_catalog.canonical_data.wikis\n",
        List.of("wikis", "yields column(s) status"));
    cases.put("mediawiki_page = SELECT wiki_db, snapshot, map('a', 1) AS page_id, "
        + "page_namespace, page_title, page_is_redirect FROM spark_catalog.wmf_raw.mediawiki_page\n",
        List.of("mediawiki_page", "page_id is MAP<STRING, INT>, which does not cast to BIGINT"));
    session.sql("CREATE TABLE spark_catalog.default.scratch (x INT) STORED AS PARQUET "
        + "LOCATION '" + temp.resolve("scratch").toUri() + "'");
    cases.put("wikis = WITH w AS (SELECT 1 AS x) INSERT INTO spark_catalog.default.scratch "
        + "SELECT x FROM w\n", List.of("wikis", "not a query that runs"));
    int i = 0;
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      Path file = temp.resolve("bad-" + i++ + ".properties");
      Files.writeString(file, c.getKey());
      Outcome o = cim("run", "--month", HiveWorld.MONTH, "--allow-list",
          golden.resolve("allow_list.txt").toString(), "--warehouse", warehouse,
          "--stages", "graph", "--sources", file.toString());
      assertEquals(2, o.status(), o.err());
      assertEquals(1, o.errorLines().size(), o.err());
      for (String part : c.getValue()) {
        assertTrue(o.errorLines().get(0).contains(part), o.errorLines().get(0));
      }
      assertTrue(o.errorLines().get(0).contains(file.toString()), o.errorLines().get(0));
      assertFalse(o.err().contains("start " + HiveWorld.MONTH), o.err());
    }
    assertEquals(0L, session.table("spark_catalog.default.scratch").count(),
        "a binding's statement was run");
  }
}
