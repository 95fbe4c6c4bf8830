package org.commonsimpact.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonsimpact.api.Endpoint;
import org.commonsimpact.api.PathSegments;

/**
 * The request paths of the API benchmark ({@link ApiBenchmark}), found in the keyspace itself: for
 * each endpoint, the paths of up to {@code perEndpoint} partitions that hold data (a series asked
 * for the one month of a row, a top list for its month), so that every request should answer 200.
 * Reading them is a bounded scan of each table by the bench tool, before the measurement; the
 * server never scans. Paths are built with the API's own {@link Endpoint} and {@link
 * PathSegments}, so that the benchmark asks exactly what the server routes.
 */
final class ApiRequestPaths {
  private ApiRequestPaths() {}

  /** Paths per endpoint, endpoints in SPEC order; endpoints without data are left out. */
  static Map<Endpoint, List<String>> find(CqlSession session, String keyspace, int perEndpoint) {
    Map<Endpoint, List<String>> paths = new LinkedHashMap<>();
    for (Endpoint endpoint : Endpoint.all()) {
      List<String> keyColumns = new ArrayList<>(endpoint.table().partitionKey());
      if (!endpoint.isTopList()) {
        keyColumns.add("dt");
      }
      Set<String> found = new LinkedHashSet<>();
      SimpleStatement scan = SimpleStatement.newInstance("SELECT " + String.join(", ", keyColumns)
          + " FROM " + keyspace + "." + endpoint.table().name() + " LIMIT " + perEndpoint * 20);
      for (Row row : session.execute(scan)) {
        found.add(PathSegments.path(endpoint, values(endpoint, row)));
        if (found.size() == perEndpoint) {
          break;
        }
      }
      if (!found.isEmpty()) {
        paths.put(endpoint, List.copyOf(found));
      }
    }
    return paths;
  }

  private static List<String> values(Endpoint endpoint, Row row) {
    List<String> values = new ArrayList<>();
    for (String column : endpoint.table().partitionKey()) {
      Object value = row.getObject(column);
      values.add(String.valueOf(value));
    }
    if (!endpoint.isTopList()) {
      Instant dt = row.getInstant("dt");
      values.add(PathSegments.day(dt));
      values.add(PathSegments.day(dt.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1)));
    }
    return values;
  }
}
