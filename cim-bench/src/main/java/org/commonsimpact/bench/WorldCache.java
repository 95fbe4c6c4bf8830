package org.commonsimpact.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.SourceTables;

/**
 * The benchmark's worlds on disk: one folder per (scale, seed, month, mega-category) under the work
 * folder, holding the warehouse, the allow-list, the dumps and a {@code world.json} that records
 * what was generated. A folder whose {@code world.json} matches the plan is reused (generating scale
 * 4 takes minutes); any other is generated afresh, and {@code world.json} is written last, so an
 * interrupted generation is never mistaken for a world.
 */
final class WorldCache {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Bump when the generator's output changes, so that older worlds are not reused. */
  static final int GENERATOR_VERSION = 1;

  /**
   * A world ready to run.
   *
   * @param dir its folder
   * @param session a session whose catalog is the world's warehouse
   * @param rows source rows per table
   * @param generateSeconds seconds it took to generate (when it was generated)
   * @param reused whether an existing world was reused
   */
  record World(Path dir, SparkSession session, Map<String, Long> rows, double generateSeconds,
      boolean reused) {
    Path allowList() {
      return dir.resolve("allow_list.txt");
    }

    Path dumpsRoot() {
      return dir.resolve("dumps");
    }

    long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final Path workDir;
  private final boolean regenerate;

  WorldCache(Path workDir, boolean regenerate) {
    this.workDir = workDir;
    this.regenerate = regenerate;
  }

  /** The world of a plan: reused when present and complete, generated otherwise. */
  World get(WorldPlan plan) {
    Path dir = workDir.resolve(folderName(plan));
    Path marker = dir.resolve("world.json");
    SparkSession session = CimSession.open(dir.resolve("warehouse").toString());
    if (!regenerate) {
      Map<String, Long> rows = readMarker(marker, plan, session);
      if (rows != null) {
        Progress.step("bench", "reusing {} ({} rows)", dir,
            rows.values().stream().mapToLong(Long::longValue).sum());
        return new World(dir, session, rows, 0, true);
      }
    }
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + marker, e);
    }
    WorldSummary summary =
        new WorldGenerator(session, plan).generate(dir.resolve("allow_list.txt"));
    summary.lines().forEach(line -> Progress.step("bench", "{}", line));
    writeMarker(marker, plan, summary);
    return new World(dir, session, new LinkedHashMap<>(summary.rows()), summary.totalSeconds(),
        false);
  }

  /** {@code world-s<scale>-seed<seed>-<month>[-mega]}, the scale without trailing zeros. */
  static String folderName(WorldPlan plan) {
    String scale = new BigDecimal(Double.toString(plan.scale)).stripTrailingZeros().toPlainString();
    return "world-s" + scale + "-seed" + plan.seed + "-" + plan.month + (plan.mega ? "-mega" : "");
  }

  private static ObjectNode identity(WorldPlan plan) {
    ObjectNode node = JSON.createObjectNode();
    node.put("generator_version", GENERATOR_VERSION);
    node.put("scale", plan.scale);
    node.put("seed", plan.seed);
    node.put("month", plan.month.toString());
    node.put("mega_category", plan.mega);
    return node;
  }

  private static void writeMarker(Path marker, WorldPlan plan, WorldSummary summary) {
    ObjectNode node = identity(plan);
    ObjectNode rows = node.putObject("rows");
    summary.rows().forEach(rows::put);
    node.put("generate_seconds", summary.totalSeconds());
    try {
      Files.writeString(marker, JSON.writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
  }

  /** The rows recorded by a marker that matches the plan and whose tables exist; else null. */
  private static Map<String, Long> readMarker(Path marker, WorldPlan plan, SparkSession session) {
    if (!Files.isRegularFile(marker) || !Files.isRegularFile(marker.resolveSibling(
        "allow_list.txt"))) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(marker.toFile());
      ObjectNode expected = identity(plan);
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        JsonNode found = node.get(field);
        if (found == null || !expected.get(field).asText().equals(found.asText())) {
          return null;
        }
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      node.get("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
      for (SourceTables table : SourceTables.values()) {
        if (!rows.containsKey(table.tableName())
            || !session.catalog().tableExists(table.qualifiedName())) {
          return null;
        }
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
