package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options of {@code bench-api} are invalid input (exit 2), before any I/O. */
class BenchApiCommandTest {
  @Test
  void benchOnlyRunsOnLoopback() {
    assertRefused("loopback", "loopback", "--cassandra", "127.0.0.1:9042",
        "--url", "http://192.0.2.1:8080");
    assertRefused("--url", "url", "--cassandra", "127.0.0.1:9042", "--url", "ftp://127.0.0.1/");
    assertRefused("--requests", "requests", "--cassandra", "127.0.0.1:9042", "--requests", "0");
  }

  private static void assertRefused(String mentioned, String what, String... args) {
    BenchApiCommand command = new BenchApiCommand();
    new CommandLine(command).parseArgs(args);
    InvalidInputException e = assertThrows(InvalidInputException.class, command::run, what);
    assertTrue(e.getMessage().contains(mentioned), e.getMessage());
  }
}
