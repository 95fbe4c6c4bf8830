package org.commonsimpact.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared options: each command's consistency default, validation naming the option. */
class CassandraOptionsTest {
  @Command(name = "reader")
  static final class Reader implements Runnable {
    @Mixin CassandraOptions cassandra;
    @Mixin ConsistencyOption consistency = new ConsistencyOption(ConsistencyOption.READ_DEFAULT);

    @Override
    public void run() {}
  }

  @Command(name = "writer")
  static final class Writer implements Runnable {
    @Mixin CassandraOptions cassandra;
    @Mixin ConsistencyOption consistency = new ConsistencyOption(ConsistencyOption.WRITE_DEFAULT);

    @Override
    public void run() {}
  }

  @Test
  void defaultsDependOnTheCommand() {
    Reader reader = new Reader();
    new CommandLine(reader).parseArgs("--cassandra", "127.0.0.1:9042");
    CassandraConnection read = reader.cassandra.connection(reader.consistency);
    assertEquals(DefaultConsistencyLevel.LOCAL_ONE, read.consistency());
    assertEquals("commons", read.keyspace());
    assertEquals("127.0.0.1:9042", read.address());

    Writer writer = new Writer();
    new CommandLine(writer).parseArgs("--cassandra", "[::1]:19042", "--keyspace", "Other");
    CassandraConnection write = writer.cassandra.connection(writer.consistency);
    assertEquals(DefaultConsistencyLevel.LOCAL_QUORUM, write.consistency());
    assertEquals("other", write.keyspace());
    assertEquals("::1", write.host());
    assertEquals("[::1]:19042", write.address());
  }

  @Test
  void helpShowsEachCommandsDefault() {
    assertTrue(usage(new Reader()).contains("(default: LOCAL_ONE)"), usage(new Reader()));
    assertTrue(usage(new Writer()).contains("(default: LOCAL_QUORUM)"), usage(new Writer()));
    assertTrue(usage(new Writer()).contains("(default: commons)"), usage(new Writer()));
  }

  @Test
  void badValuesNameTheOption() {
    assertInvalid("--cassandra", "nohost", null, null);
    assertInvalid("--cassandra", "h:0", null, null);
    assertInvalid("--keyspace", "h:1", "system_auth", null);
    assertInvalid("--consistency", "h:1", null, "LOCAL_SERIAL");
    assertInvalid("--consistency", "h:1", null, "MOST");
  }

  private static void assertInvalid(String option, String cassandra, String keyspace,
      String consistency) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CassandraConnection.parse(cassandra, keyspace, consistency, "ONE"));
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  private static String usage(Object command) {
    StringWriter out = new StringWriter();
    new CommandLine(command).usage(new PrintWriter(out));
    return out.toString();
  }
}
