package org.commonsimpact.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the nine source tables from {@code DIR/<table>.tsv} files (SPEC §10 {@code import-tsv}).
 *
 * <p>Every file is parsed and checked before any table is touched, so a malformed file leaves the
 * previous source tables exactly as they were.
 */
public final class TsvSourceImporter {
  private static final Logger LOG = LoggerFactory.getLogger(TsvSourceImporter.class);

  private final SparkSession session;

  public TsvSourceImporter(SparkSession session) {
    this.session = session;
  }

  /** Imports all nine tables; returns the row count per table. */
  public Map<String, Long> importAll(Path inputDir) {
    Map<SourceTables, List<Row>> parsed = new LinkedHashMap<>();
    for (SourceTables table : SourceTables.values()) {
      parsed.put(table, parse(table, inputDir.resolve(table.tableName() + ".tsv")));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<SourceTables, List<Row>> e : parsed.entrySet()) {
      SourceTables table = e.getKey();
      Dataset<Row> frame = session.createDataFrame(e.getValue(), table.schema());
      String view = "cim_import_" + table.tableName();
      frame.createOrReplaceTempView(view);
      String partitioning =
          table.partitionColumns().isEmpty()
              ? ""
              : " PARTITIONED BY (" + String.join(", ", table.partitionColumns()) + ")";
      session.sql("CREATE OR REPLACE TABLE " + table.qualifiedName() + " USING iceberg"
          + partitioning + " AS SELECT * FROM " + view);
      session.catalog().dropTempView(view);
      counts.put(table.tableName(), (long) e.getValue().size());
      LOG.info("imported {} rows into {}", e.getValue().size(), table.qualifiedName());
    }
    return counts;
  }

  /** Parses one file into rows of the table's schema; any defect is an error naming file and line. */
  static List<Row> parse(SourceTables table, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("missing source file " + file);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read source file " + file + ": " + e.getMessage());
    }
    String[] lines = text.split("\n", -1);
    int lineCount = lines.length;
    if (lineCount > 0 && lines[lineCount - 1].isEmpty()) {
      lineCount--; // the file's final line end
    }
    if (lineCount == 0) {
      throw new InvalidInputException(file + ": empty file, expected a header row");
    }
    String[] header = stripCr(lines[0]).split("\t", -1);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      positions.putIfAbsent(header[i], i);
    }
    StructField[] fields = table.schema().fields();
    int[] index = new int[fields.length];
    for (int f = 0; f < fields.length; f++) {
      Integer at = positions.get(fields[f].name());
      if (at == null) {
        throw new InvalidInputException(
            file + ":1: missing column " + fields[f].name() + " in the header");
      }
      index[f] = at;
    }
    List<Row> rows = new ArrayList<>(lineCount);
    for (int n = 1; n < lineCount; n++) {
      String[] values = stripCr(lines[n]).split("\t", -1);
      if (values.length != header.length) {
        throw new InvalidInputException(
            file + ":" + (n + 1) + ": " + values.length + " fields, expected " + header.length);
      }
      Object[] row = new Object[fields.length];
      for (int f = 0; f < fields.length; f++) {
        row[f] = value(values[index[f]], fields[f], file, n + 1);
      }
      rows.add(RowFactory.create(row));
    }
    return rows;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static Object value(String raw, StructField field, Path file, int line) {
    if (raw.equals(TsvValues.NULL)) {
      return null;
    }
    DataType type = field.dataType();
    try {
      if (type.equals(DataTypes.LongType)) {
        return Long.parseLong(raw);
      }
      if (type.equals(DataTypes.IntegerType)) {
        return Integer.parseInt(raw);
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          file + ":" + line + ": column " + field.name() + " is not an integer: '" + raw + "'");
    }
    if (type.equals(DataTypes.BooleanType)) {
      if (raw.equals("true")) {
        return true;
      }
      if (raw.equals("false")) {
        return false;
      }
      throw new InvalidInputException(
          file + ":" + line + ": column " + field.name() + " is not true/false: '" + raw + "'");
    }
    return raw;
  }
}
