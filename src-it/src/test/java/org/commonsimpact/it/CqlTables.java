package org.commonsimpact.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonsimpact.tables.ServingTable;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.TsvValues;

/**
 * Reads the loaded tables back with the Apache Cassandra Java driver, independently of the loader
 * and of Spark, as TSV lines in the format of the golden expected files (timestamps UTC).
 */
final class CqlTables implements AutoCloseable {
  final CqlSession session;

  CqlTables(String address) {
    int colon = address.lastIndexOf(':');
    session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(address.substring(0, colon),
            Integer.parseInt(address.substring(colon + 1))))
        .withLocalDatacenter("datacenter1")
        // Tests create a keyspace and a table: allow schema changes time, and skip the one-second
        // debounce of schema refreshes.
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(20))
            .build())
        .build();
  }

  /** Sorted TSV lines of {@code month}'s rows of {@code keyspace.table}, columns in SPEC order. */
  List<String> monthLines(String keyspace, ServingTable table, Month month) {
    List<String> lines = new ArrayList<>();
    ResultSet rows = session.execute(SimpleStatement.newInstance("SELECT "
        + String.join(", ", table.columns()) + " FROM " + keyspace + "." + table.name())
        .setPageSize(1000));
    Instant dt = month.firstDay().atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Row row : rows) {
      boolean inMonth = table.isTopList()
          ? row.getInt("year") == month.year() && row.getInt("month") == month.monthNumber()
          : dt.equals(row.getInstant("dt"));
      if (inMonth) {
        lines.add(line(row, table.columns().size()));
      }
    }
    lines.sort(SparkTestSupport::compareCodePoints);
    return lines;
  }

  /** Sorted TSV lines of every row of {@code keyspace.table}, whatever its month. */
  List<String> allLines(String keyspace, ServingTable table) {
    List<String> lines = new ArrayList<>();
    for (Row row : session.execute(SimpleStatement.newInstance("SELECT "
        + String.join(", ", table.columns()) + " FROM " + keyspace + "." + table.name())
        .setPageSize(1000))) {
      lines.add(line(row, table.columns().size()));
    }
    lines.sort(SparkTestSupport::compareCodePoints);
    return lines;
  }

  /**
   * Empties the fourteen tables of {@code keyspace} that exist, so that a test class starts from a
   * known state on the node the run shares, without re-creating the schema.
   */
  void truncateAll(String keyspace) {
    var meta = session.getMetadata().getKeyspace(keyspace);
    if (meta.isEmpty()) {
      return;
    }
    for (ServingTable table : ServingTable.all()) {
      if (meta.get().getTable(table.name()).isPresent()) {
        session.execute(SimpleStatement.newInstance("TRUNCATE " + keyspace + "." + table.name())
            .setTimeout(Duration.ofSeconds(60)));
      }
    }
  }

  /**
   * Writes rows given as TSV lines in the columns of {@code table} (the golden files' format,
   * timestamps UTC) with plain CQL inserts: how tests put another month into Cassandra without
   * the loader.
   */
  void insert(String keyspace, ServingTable table, List<String> lines) {
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      marks.add("?");
    }
    var prepared = session.prepare("INSERT INTO " + keyspace + "." + table.name() + " ("
        + String.join(", ", table.columns()) + ") VALUES (" + String.join(", ", marks) + ")");
    List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
    for (String line : lines) {
      String[] values = line.split("\t", -1);
      Object[] bound = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        bound[i] = value(table.type(table.columns().get(i)).cql(), values[i]);
      }
      pending.add(session.executeAsync(prepared.bind(bound)).toCompletableFuture());
    }
    pending.forEach(java.util.concurrent.CompletableFuture::join);
  }

  private static Object value(String cqlType, String text) {
    switch (cqlType) {
      case "timestamp":
        return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      case "int":
        return Integer.valueOf(text);
      case "bigint":
        return Long.valueOf(text);
      default:
        return text;
    }
  }

  /** {@link #monthLines} of every table, keyed by table name. */
  Map<String, List<String>> monthLines(String keyspace, Month month) {
    Map<String, List<String>> all = new TreeMap<>();
    for (ServingTable table : ServingTable.all()) {
      all.put(table.name(), monthLines(keyspace, table, month));
    }
    return all;
  }

  /**
   * For each partition of a table, its rows as the API reads them: the whole partition in
   * clustering order for a top list, the {@code [start, end)} slice of {@code dt} for a series.
   * Keyed by the partition's key values joined with tabs.
   */
  Map<String, List<String>> partitionsAsRead(String keyspace, ServingTable table, Month month) {
    Map<String, List<String>> partitions = new LinkedHashMap<>();
    List<String> partitionKey = table.partitionKey();
    List<String> conditions = new ArrayList<>();
    for (String column : partitionKey) {
      conditions.add(column + " = ?");
    }
    String query = "SELECT " + String.join(", ", table.columns()) + " FROM " + keyspace + "."
        + table.name() + " WHERE " + String.join(" AND ", conditions);
    if (!table.isTopList()) {
      query += " AND dt >= ? AND dt < ?";
    }
    var prepared = session.prepare(query);
    for (String line : monthLines(keyspace, table, month)) {
      String[] values = line.split("\t", -1);
      List<Object> key = new ArrayList<>();
      List<String> keyText = new ArrayList<>();
      for (String column : partitionKey) {
        String value = values[table.columns().indexOf(column)];
        keyText.add(value);
        key.add(table.type(column).cql().equals("int") ? (Object) Integer.valueOf(value)
            : value);
      }
      String id = String.join("\t", keyText);
      if (partitions.containsKey(id)) {
        continue;
      }
      if (!table.isTopList()) {
        LocalDate first = month.firstDay();
        key.add(first.atStartOfDay().toInstant(ZoneOffset.UTC));
        key.add(first.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      List<String> read = new ArrayList<>();
      for (Row row : session.execute(prepared.bind(key.toArray()))) {
        read.add(line(row, table.columns().size()));
      }
      partitions.put(id, read);
    }
    return partitions;
  }

  /** Orders top-list lines as SPEC §7 does: rank, then the tie-break columns by code point. */
  static Comparator<String> apiOrder(ServingTable table) {
    List<Integer> positions = new ArrayList<>();
    for (String column : table.clusteringColumns()) {
      positions.add(table.columns().indexOf(column));
    }
    return (a, b) -> {
      String[] x = a.split("\t", -1);
      String[] y = b.split("\t", -1);
      for (int p : positions) {
        int c = table.columns().get(p).equals("rank")
            ? Integer.compare(Integer.parseInt(x[p]), Integer.parseInt(y[p]))
            : SparkTestSupport.compareCodePoints(x[p], y[p]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private static String line(Row row, int columns) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns; i++) {
      if (i > 0) {
        line.append('\t');
      }
      line.append(TsvValues.format(row.getObject(i)));
    }
    return line.toString();
  }

  @Override
  public void close() {
    session.close();
  }
}
