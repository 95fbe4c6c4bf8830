package org.commonsimpact.tables;

/**
 * One column of a table: its name and type.
 *
 * @param name the column name, as in SPEC §5 and §7
 * @param type its type
 */
public record Column(String name, ColumnType type) {
  public static Column string(String name) {
    return new Column(name, ColumnType.STRING);
  }

  public static Column integer(String name) {
    return new Column(name, ColumnType.INT);
  }

  public static Column bigint(String name) {
    return new Column(name, ColumnType.BIGINT);
  }

  public static Column bool(String name) {
    return new Column(name, ColumnType.BOOLEAN);
  }

  public static Column timestamp(String name) {
    return new Column(name, ColumnType.TIMESTAMP);
  }

  public static Column strings(String name) {
    return new Column(name, ColumnType.STRING_ARRAY);
  }

  /** {@code name TYPE} in SparkSQL. */
  public String sql() {
    return name + " " + type.sql();
  }
}
