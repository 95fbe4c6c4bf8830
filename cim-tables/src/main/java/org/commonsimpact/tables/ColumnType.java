package org.commonsimpact.tables;

/**
 * The types a table column can have, each with its SparkSQL (Iceberg) and CQL spelling, so that a
 * table declared once in {@link TableSchema} yields both schemas.
 */
public enum ColumnType {
  STRING("STRING", "text"),
  INT("INT", "int"),
  BIGINT("BIGINT", "bigint"),
  BOOLEAN("BOOLEAN", "boolean"),
  TIMESTAMP("TIMESTAMP", "timestamp"),
  STRING_ARRAY("ARRAY<STRING>", "list<text>");

  private final String sql;
  private final String cql;

  ColumnType(String sql, String cql) {
    this.sql = sql;
    this.cql = cql;
  }

  /** The SparkSQL type, e.g. {@code ARRAY<STRING>}. */
  public String sql() {
    return sql;
  }

  /** The CQL type, e.g. {@code text}. */
  public String cql() {
    return cql;
  }
}
