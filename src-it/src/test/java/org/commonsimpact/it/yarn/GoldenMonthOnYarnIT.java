package org.commonsimpact.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.BaseTables;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;
import org.commonsimpact.common.TsvSourceImporter;
import org.commonsimpact.tables.ServingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path (issue 8): the golden month runs with {@code --master yarn} on an in-process
 * HDFS + YARN cluster, the driver in its own JVM as {@code spark-submit} starts it, executors in
 * YARN containers, the allow-list read from HDFS, source tables, output tables, dumps and the run
 * report all on HDFS. Every output table and every dump file must equal the golden expected
 * outputs, which the local-mode tests prove the local run produces.
 *
 * <p>The source tables are put on HDFS by {@code import-tsv}'s importer in this JVM (Spark local
 * mode writing to the HDFS warehouse), then moved to another namespace, {@code lake.*}, as tables
 * that other jobs own would be: the warehouse's own {@code source.*} tables are dropped, and the
 * run reads the sources through a sources file on HDFS ({@code --sources}, issue 17), one of them
 * through a {@code SELECT}. Everything after that happens on YARN.
 */
class GoldenMonthOnYarnIT {
  private static final String MONTH = "2024-02";

  @TempDir Path temp;

  @Test
  void goldenMonthOnYarnEqualsTheLocalRun() throws Exception {
    Path repo = Path.of(System.getProperty("cim.repo.dir"));
    Path clusterJar = repo.resolve("cim-app/target/cim-cluster.jar");
    assertTrue(Files.isRegularFile(clusterJar),
        clusterJar + " is missing: package cim-app before this test (./mvnw package)");
    Path golden = SparkTestSupport.goldenDir();
    long started = System.nanoTime();
    try (MiniHadoopCluster cluster = MiniHadoopCluster.start(temp.resolve("cluster"))) {
      String hdfs = cluster.hdfsUri();
      String warehouse = hdfs + "/cim/warehouse";
      String dumps = hdfs + "/cim/dumps";
      String allowList = hdfs + "/cim/allow_list.txt";
      String report = hdfs + "/cim/reports/" + MONTH + ".json";
      FileSystem fs = cluster.fileSystem();
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(golden.resolve("allow_list.txt").toUri()),
          new org.apache.hadoop.fs.Path(allowList));
      SparkSession local = CimSession.open(warehouse);
      new TsvSourceImporter(local).importAll(golden.resolve("input"));
      String sources = hdfs + "/cim/sources.properties";
      writeLakeSources(local, fs, sources);

      YarnDriver driver = new YarnDriver(clusterJar, cluster.confDir());
      Path log = temp.resolve("driver.log");
      long submitted = System.nanoTime();
      YarnDriver.Result run = driver.run(log, 15, "run", "--month", MONTH, "--allow-list",
          allowList, "--warehouse", warehouse, "--dumps-root", dumps, "--report", report,
          "--sources", sources);
      System.err.printf("yarn IT: cluster up and sources on HDFS in %.0f s, month on YARN in "
          + "%.0f s%n", (submitted - started) / 1e9, (System.nanoTime() - submitted) / 1e9);
      assertEquals(0, run.status(), "driver failed; container logs under "
          + MiniHadoopCluster.workDir() + "\n" + tail(run.stderr()));

      JsonNode json;
      try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(report))) {
        json = new ObjectMapper().readTree(in);
      }
      assertEquals("succeeded", json.get("status").asText());
      assertTrue(json.get("sources").toString().contains("cim.lake.mediawiki_page"),
          "the report names the bindings: " + json.get("sources"));
      assertTrue(json.get("spark_application_id").asText().startsWith("application_"),
          "ran on YARN: " + json.get("spark_application_id"));
      JsonNode expected = new ObjectMapper().readTree(golden.resolve("expected/report.json")
          .toFile());
      for (String field : List.of("allow_list", "primary_categories", "allow_list_not_found",
          "graph_row_counts", "row_counts", "serving_row_counts")) {
        assertEquals(expected.get(field), json.get(field), field);
      }

      SparkSession session = CimSession.open(warehouse);
      checkTables(session, golden.resolve("expected"));
      checkDumps(fs, dumps, golden.resolve("expected"));
    }
  }

  /**
   * Moves the nine source tables to {@code cim.lake.*} (partitioned as the imported ones) and
   * drops {@code cim.source.*}, so that a run that ignored the binding would fail; writes the
   * sources file that binds them, {@code mediawiki_image} through a {@code SELECT}.
   */
  private static void writeLakeSources(SparkSession session, FileSystem fs, String sources)
      throws IOException {
    session.sql("CREATE NAMESPACE IF NOT EXISTS cim.lake");
    StringBuilder binding = new StringBuilder("# The golden sources, read in place from lake.*\n");
    for (SourceTables table : SourceTables.values()) {
      String lake = "cim.lake." + table.tableName();
      String partitioning = table.partitionColumns().isEmpty() ? ""
          : " PARTITIONED BY (" + String.join(", ", table.partitionColumns()) + ")";
      session.sql("CREATE TABLE " + lake + " USING iceberg" + partitioning + " AS SELECT * FROM "
          + table.qualifiedName());
      session.sql("DROP TABLE " + table.qualifiedName() + " PURGE");
      binding.append(table.tableName()).append(" = ");
      if (table == SourceTables.MEDIAWIKI_IMAGE) {
        binding.append("\\\n    SELECT wiki_db, snapshot, img_name, img_media_type \\\n    FROM ")
            .append(lake).append('\n');
      } else {
        binding.append(lake).append('\n');
      }
    }
    try (java.io.OutputStream out = fs.create(new org.apache.hadoop.fs.Path(sources))) {
      out.write(binding.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void checkTables(SparkSession session, Path expected) {
    List<String> graphExpected = SparkTestSupport.readLines(expected.resolve("graph.tsv"));
    String graphColumns = graphExpected.get(0).replace('\t', ',');
    assertEquals(SparkTestSupport.sortedBody(expected.resolve("graph.tsv"), true),
        SparkTestSupport.sortedTsvLines(session.sql("SELECT " + graphColumns + " FROM "
            + Tables.CATEGORY_GRAPH + " WHERE year_month = '" + MONTH + "'")),
        Tables.CATEGORY_GRAPH);
    for (String table : Tables.BASE_TABLES) {
      assertEquals(SparkTestSupport.sortedBody(expected.resolve(table + ".tsv"), false),
          SparkTestSupport.sortedTsvLines(session.sql("SELECT " + columnList(table)
              + " FROM " + Tables.commons(table))),
          table);
    }
    for (String table : ServingTable.names()) {
      Path file = expected.resolve("serving/" + table + ".tsv");
      assertEquals(SparkTestSupport.readLines(file).get(0),
          String.join("\t", ServingTable.named(table).columns()), table + " header");
      assertEquals(SparkTestSupport.sortedBody(file, true),
          SparkTestSupport.sortedTsvLines(session.table(Tables.serving(table))), table);
    }
  }

  private static String columnList(String table) {
    List<String> names = new ArrayList<>();
    for (String column : BaseTables.columns(table)) {
      names.add("`" + column.split(" ", 2)[0] + "`");
    }
    return String.join(", ", names);
  }

  /** Each dump file, decompressed, holds the expected base table's lines in UTF-8 byte order. */
  private static void checkDumps(FileSystem fs, String dumps, Path expected) throws IOException {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new Configuration(false));
    for (String table : Tables.BASE_TABLES) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(
          dumps + "/" + MONTH + "/" + table + "_" + MONTH + ".tsv.bz2");
      List<String> lines = new ArrayList<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          codec.createInputStream(fs.open(file)), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      }
      assertEquals(SparkTestSupport.sortedBody(expected.resolve(table + ".tsv"), false), lines,
          file.toString());
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(file + ".sha256")), file + ".sha256");
    }
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path(dumps + "/" + MONTH + "/_manifest.json")));
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
  }
}
