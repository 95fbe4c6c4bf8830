package org.commonsimpact.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Loads tables from TSV files in the format {@code bin/cim sql} prints and dumps hold (arrays joined
 * with {@code |}, timestamps {@code yyyy-MM-dd'T'HH:mm:ss} UTC), typed by a column list such as
 * {@link BaseTables#columns}. Lets downstream stages be tested on the golden expected base tables
 * without running the stages upstream of them.
 */
public final class ExpectedTables {
  private ExpectedTables() {}

  /**
   * Creates (or replaces) {@code qualifiedName} with the given columns from a TSV file without a
   * header.
   */
  public static void load(SparkSession session, String qualifiedName, List<String> columns,
      Path tsv, boolean hasHeader, String partitionClause) {
    List<String> lines = SparkTestSupport.readLines(tsv);
    if (hasHeader && !lines.isEmpty()) {
      lines.remove(0);
    }
    StructField[] fields = new StructField[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = DataTypes.createStructField("c" + i, DataTypes.StringType, true);
    }
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      String[] values = line.split("\t", -1);
      if (values.length != fields.length) {
        throw new IllegalArgumentException(tsv + ": " + values.length + " fields in: " + line);
      }
      Object[] row = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        row[i] = values[i].equals(TsvValues.NULL) ? null : values[i];
      }
      rows.add(RowFactory.create(row));
    }
    Dataset<Row> raw = session.createDataFrame(rows, new StructType(fields));
    String view = "expected_" + Math.abs(qualifiedName.hashCode());
    raw.createOrReplaceTempView(view);
    List<String> select = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String[] nameType = columns.get(i).split(" ", 2);
      String c = "c" + i;
      String type = nameType[1];
      String expr;
      if (type.startsWith("ARRAY")) {
        expr = "CASE WHEN " + c + " = '' THEN CAST(array() AS ARRAY<STRING>) ELSE split(" + c
            + ", '[|]') END";
      } else if (type.equals("TIMESTAMP")) {
        expr = "to_timestamp(" + c + ", \"yyyy-MM-dd'T'HH:mm:ss\")";
      } else {
        expr = "CAST(" + c + " AS " + type + ")";
      }
      select.add(expr + " AS " + nameType[0]);
    }
    session.sql("CREATE OR REPLACE TABLE " + qualifiedName + " USING iceberg "
        + (partitionClause == null ? "" : "PARTITIONED BY (" + partitionClause + ") ")
        + "AS SELECT " + String.join(", ", select) + " FROM " + view);
  }

  /** Loads the five golden expected base tables into {@code commons.*}. */
  public static void loadGoldenBaseTables(SparkSession session) {
    Path expected = SparkTestSupport.goldenDir().resolve("expected");
    for (String table : Tables.BASE_TABLES) {
      load(session, Tables.commons(table), BaseTables.columns(table),
          expected.resolve(table + ".tsv"), false,
          BaseTables.hasYearMonth(table) ? "year_month" : "months(dt)");
    }
  }
}
