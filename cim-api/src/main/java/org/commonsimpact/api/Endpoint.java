package org.commonsimpact.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.tables.ServingTable;

/**
 * One of the fourteen endpoints: a serving table of SPEC §7 seen from HTTP. Its name is the table
 * name in kebab-case; its path parameters are the table's partition key columns, plus {@code
 * start}/{@code end} for a series (a {@code [start, end)} slice of {@code dt}); a top list has
 * {@code year}/{@code month} in its partition key. Everything is derived from {@link
 * ServingTable}, so that the API, the loader and the schema cannot disagree on a column.
 */
public final class Endpoint {
  /** Where the fourteen endpoints live. */
  public static final String BASE_PATH = "/metrics/commons-analytics";

  private static final Map<String, Endpoint> ALL = new LinkedHashMap<>();

  static {
    for (ServingTable table : ServingTable.all()) {
      Endpoint endpoint = new Endpoint(table);
      ALL.put(endpoint.name(), endpoint);
    }
  }

  private final ServingTable table;
  private final List<PathParameter> parameters;

  private Endpoint(ServingTable table) {
    this.table = table;
    List<PathParameter> list = new ArrayList<>();
    for (String column : table.partitionKey()) {
      list.add(PathParameter.forColumn(column));
    }
    if (!table.isTopList()) {
      list.add(new PathParameter("start", "dt", ParameterKind.START));
      list.add(new PathParameter("end", "dt", ParameterKind.END));
    }
    this.parameters = List.copyOf(list);
  }

  /** The fourteen endpoints, in SPEC §7 order. */
  public static List<Endpoint> all() {
    return List.copyOf(ALL.values());
  }

  /** The endpoint of that name ({@code top-editors-monthly}), or null. */
  public static Endpoint named(String name) {
    return ALL.get(name);
  }

  /** The path segment after the base path, e.g. {@code top-editors-monthly}. */
  public String name() {
    return Names.kebab(table.name());
  }

  public ServingTable table() {
    return table;
  }

  /** Whether this endpoint returns a ranked top list (else a series over months). */
  public boolean isTopList() {
    return table.isTopList();
  }

  /** Path parameters in URL order. */
  public List<PathParameter> parameters() {
    return parameters;
  }

  /** The route template, e.g. {@code /metrics/commons-analytics/top-editors-monthly/{category}/…}. */
  public String template() {
    StringBuilder path = new StringBuilder(BASE_PATH).append('/').append(name());
    for (PathParameter parameter : parameters) {
      path.append("/{").append(parameter.name()).append('}');
    }
    return path.toString();
  }

  /** The columns of a returned row, in the table's order (SPEC §10). */
  public List<String> columns() {
    return table.columns();
  }

  /**
   * The one CQL query of this endpoint: every column of one partition, for a series restricted to
   * {@code dt >= ? AND dt < ?}. Bind values are {@link PartitionQuery#values()}.
   */
  public String cql(String keyspace) {
    List<String> conditions = new ArrayList<>();
    for (String column : table.partitionKey()) {
      conditions.add(column + " = ?");
    }
    if (!table.isTopList()) {
      conditions.add("dt >= ?");
      conditions.add("dt < ?");
    }
    return "SELECT " + String.join(", ", table.columns()) + " FROM " + keyspace + "."
        + table.name() + " WHERE " + String.join(" AND ", conditions);
  }

  @Override
  public String toString() {
    return name();
  }
}
