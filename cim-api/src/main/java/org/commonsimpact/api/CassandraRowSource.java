package org.commonsimpact.api;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.InvalidInputException;

/**
 * The fourteen endpoints' queries against a Cassandra keyspace, prepared once at start: a request
 * binds its path values to its endpoint's statement and reads one partition (a {@code dt} slice
 * for a series), never a scan. A keyspace without the serving tables is refused at start.
 */
public final class CassandraRowSource implements RowSource {
  private final CqlSession session;
  private final String store;
  private final Map<Endpoint, PreparedStatement> statements = new HashMap<>();
  private final PreparedStatement ping;

  /**
   * Prepares every endpoint's statement on {@code keyspace}; an {@link InvalidInputException}
   * naming the keyspace when a table is missing.
   */
  public CassandraRowSource(CqlSession session, String address, String keyspace) {
    this.session = session;
    this.store = "cassandra " + address + " keyspace " + keyspace;
    for (Endpoint endpoint : Endpoint.all()) {
      try {
        statements.put(endpoint, session.prepare(endpoint.cql(keyspace)));
      } catch (InvalidQueryException e) {
        throw new InvalidInputException("keyspace '" + keyspace + "' at " + address
            + " has no usable table " + endpoint.table().name() + " (" + e.getMessage()
            + "); load a month first with cim load-cassandra", e);
      }
    }
    ping = session.prepare("SELECT release_version FROM system.local");
  }

  @Override
  public List<List<Object>> read(PartitionQuery query) {
    PreparedStatement statement = statements.get(query.endpoint());
    int width = query.endpoint().columns().size();
    List<List<Object>> rows = new ArrayList<>();
    try {
      for (Row row : session.execute(statement.bind(query.values().toArray()))) {
        List<Object> values = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
          values.add(row.getObject(i));
        }
        rows.add(values);
      }
    } catch (AllNodesFailedException | DriverTimeoutException | QueryExecutionException e) {
      throw new StoreUnavailableException(e.getMessage(), e);
    }
    return rows;
  }

  @Override
  public Health health() {
    try {
      session.execute(ping.bind());
      return new Health(true, store, "");
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Health(false, store, message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
  }
}
