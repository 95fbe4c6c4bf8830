package org.commonsimpact.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Option parsing: every bad value is invalid input naming the option. */
class CassandraLoadOptionsTest {
  @Test
  void defaults() {
    CassandraLoadOptions o = CassandraLoadOptions.parse("127.0.0.1:9042", null, null, null, null,
        null);
    assertEquals("127.0.0.1", o.host());
    assertEquals(9042, o.port());
    assertEquals("commons", o.keyspace());
    assertEquals(DefaultConsistencyLevel.LOCAL_QUORUM, o.consistency());
    assertEquals(0, o.batchSizeRows());
    assertEquals(14, o.tables().size());
    assertEquals("127.0.0.1:9042", o.address());
  }

  @Test
  void explicitValues() {
    CassandraLoadOptions o = CassandraLoadOptions.parse("[::1]:19042", "Commons_Test", "one", 50,
        "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}",
        List.of("top_editors_monthly", " category_metrics_snapshot"));
    assertEquals("::1", o.host());
    assertEquals("[::1]:19042", o.address());
    assertEquals("commons_test", o.keyspace());
    assertEquals(DefaultConsistencyLevel.ONE, o.consistency());
    assertEquals(50, o.batchSizeRows());
    // SPEC order, whatever the order given.
    assertEquals("category_metrics_snapshot", o.tables().get(0).name());
    assertEquals("top_editors_monthly", o.tables().get(1).name());
  }

  @Test
  void badValuesNameTheOption() {
    assertInvalid("--cassandra", () -> parse("localhost", null, null, null));
    assertInvalid("--cassandra", () -> parse("localhost:", null, null, null));
    assertInvalid("--cassandra", () -> parse("localhost:99999", null, null, null));
    assertInvalid("--cassandra", () -> parse("local host:9042", null, null, null));
    assertInvalid("--keyspace", () -> parse("h:1", "bad-name", null, null));
    assertInvalid("--keyspace", () -> parse("h:1", "system_auth", null, null));
    assertInvalid("--consistency", () -> parse("h:1", null, "MOST", null));
    assertInvalid("--consistency", () -> parse("h:1", null, "SERIAL", null));
    assertInvalid("--batch-size", () -> parse("h:1", null, null, 0));
    assertInvalid("--tables", () -> CassandraLoadOptions.parse("h:1", null, null, null, null,
        List.of("no_such_table")));
    assertInvalid("--replication", () -> CassandraLoadOptions.parse("h:1", null, null, null,
        "{'class': 'SimpleStrategy'}; DROP KEYSPACE x", null));
  }

  private static CassandraLoadOptions parse(String address, String keyspace, String consistency,
      Integer batch) {
    return CassandraLoadOptions.parse(address, keyspace, consistency, batch, null, null);
  }

  private static void assertInvalid(String option, Runnable parse) {
    InvalidInputException e = assertThrows(InvalidInputException.class, parse::run);
    assertTrue(e.getMessage().contains(option), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
