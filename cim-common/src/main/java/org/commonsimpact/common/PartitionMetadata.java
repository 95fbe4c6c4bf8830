package org.commonsimpact.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.StructType;

/**
 * The partitions of a source table as its catalog records them, never from its rows: Hive (and
 * other partition-managing) tables through {@code SHOW PARTITIONS}, Iceberg tables through their
 * {@code partitions} metadata table. Lets readiness (SPEC §8) check a month without scanning
 * {@code pageview_hourly} or {@code mediawiki_revision}.
 */
final class PartitionMetadata {
  private PartitionMetadata() {}

  /**
   * The partitions of {@code table} whose values match {@code spec} (column → value as text), each
   * as its column → value map; null when the table's metadata cannot answer (not partitioned, not
   * by the spec's columns, or a catalog without partition metadata).
   */
  static List<Map<String, String>> matching(SparkSession session, String table,
      Map<String, String> spec) {
    List<Map<String, String>> hive = showPartitions(session, table, spec);
    return hive != null ? hive : icebergPartitions(session, table, spec);
  }

  private static List<Map<String, String>> showPartitions(SparkSession session, String table,
      Map<String, String> spec) {
    String filter = spec.entrySet().stream()
        .map(e -> "`" + e.getKey() + "` = '" + e.getValue() + "'")
        .collect(Collectors.joining(", "));
    List<Row> rows;
    try {
      rows = session.sql("SHOW PARTITIONS " + table + " PARTITION (" + filter + ")")
          .collectAsList();
    } catch (Exception e) {
      if (e instanceof AnalysisException || e instanceof UnsupportedOperationException) {
        return null;
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    List<Map<String, String>> partitions = new ArrayList<>();
    for (Row row : rows) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String part : row.getString(0).split("/")) {
        int eq = part.indexOf('=');
        values.put(ExternalCatalogUtils.unescapePathName(part.substring(0, eq)),
            ExternalCatalogUtils.unescapePathName(part.substring(eq + 1)));
      }
      partitions.add(values);
    }
    return partitions;
  }

  private static List<Map<String, String>> icebergPartitions(SparkSession session, String table,
      Map<String, String> spec) {
    List<Row> rows;
    StructType type;
    try {
      var frame = session.sql("SELECT `partition` FROM " + table + ".partitions");
      if (!(frame.schema().fields()[0].dataType() instanceof StructType struct)) {
        return null;
      }
      type = struct;
      for (String column : spec.keySet()) {
        if (!List.of(type.fieldNames()).contains(column)) {
          return null;
        }
      }
      rows = frame.collectAsList();
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        return null;
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    List<Map<String, String>> partitions = new ArrayList<>();
    for (Row row : rows) {
      Row partition = row.getStruct(0);
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < type.fields().length; i++) {
        Object value = partition.get(i);
        values.put(type.fields()[i].name(), value == null ? null : value.toString());
      }
      boolean match = spec.entrySet().stream()
          .allMatch(e -> e.getValue().equals(values.get(e.getKey())));
      if (match) {
        partitions.add(values);
      }
    }
    return partitions;
  }
}
