package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options of {@code serve} are invalid input (exit 2), before any I/O. */
class CommandsTest {
  @Test
  void serveRefusesBadOptionsBeforeConnecting() {
    assertRefused(new ServeCommand(), "--port", "port", "--cassandra", "127.0.0.1:9042",
        "--port", "70000");
    assertRefused(new ServeCommand(), "--cassandra", "cassandra", "--cassandra", "nohost");
    assertRefused(new ServeCommand(), "--keyspace", "keyspace", "--cassandra", "127.0.0.1:9042",
        "--keyspace", "system_auth");
  }

  private static void assertRefused(Runnable command, String mentioned, String what,
      String... args) {
    new CommandLine(command).parseArgs(args);
    InvalidInputException e = assertThrows(InvalidInputException.class, command::run, what);
    assertTrue(e.getMessage().contains(mentioned), e.getMessage());
  }
}
