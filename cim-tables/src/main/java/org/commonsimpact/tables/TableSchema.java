package org.commonsimpact.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonsimpact.common.Month;

/**
 * One Iceberg table of the warehouse, declared once: its namespace and name, its columns with their
 * types in published order, and how its month is kept ({@link MonthKey}). The table's {@code CREATE
 * TABLE}, its month predicate and the column list every stage checks come from here.
 */
public final class TableSchema {
  private final String namespace;
  private final String name;
  private final List<Column> columns;
  private final MonthKey monthKey;

  public TableSchema(String namespace, String name, MonthKey monthKey, List<Column> columns) {
    this.namespace = namespace;
    this.name = name;
    this.monthKey = monthKey;
    this.columns = List.copyOf(columns);
    List<String> names = columnNames();
    for (String column : monthKey.columns()) {
      if (!names.contains(column)) {
        throw new IllegalArgumentException(qualifiedName() + " has no month column " + column);
      }
    }
  }

  /** The table name without namespace, e.g. {@code commons_edits}. */
  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  /** {@code namespace.name}, in the session's default catalog. */
  public String qualifiedName() {
    return namespace + "." + name;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Column names, in order. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    return names;
  }

  /** {@code name TYPE} of each column, in order. */
  public List<String> sqlColumns() {
    List<String> sql = new ArrayList<>();
    columns.forEach(c -> sql.add(c.sql()));
    return sql;
  }

  /** The column of that name, if the table has it. */
  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public MonthKey monthKey() {
    return monthKey;
  }

  /** SparkSQL predicate selecting one month's rows; it covers whole partitions. */
  public String monthPredicate(Month month) {
    return monthKey.predicate(month);
  }

  /** {@code CREATE TABLE IF NOT EXISTS} of the Iceberg table, partitioned by its month. */
  public String createIfAbsentSql() {
    return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (" + String.join(", ", sqlColumns())
        + ") USING iceberg PARTITIONED BY (" + monthKey.partitioning() + ")";
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
