package org.commonsimpact.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs {@code cim} commands in the test JVM through {@link Cim#execute}, with what they print on
 * standard output and standard error captured, so that tests can check exit codes and the one
 * {@code error:} line without starting a JVM per command (the packaged launcher is tested in
 * src-it).
 */
final class InProcessCim {
  /** Exit status, standard output and standard error of one command. */
  record Outcome(int status, String out, String err) {
    /** The lines of standard error that start with {@code error:}. */
    List<String> errorLines() {
      return err.lines().filter(line -> line.startsWith("error:")).toList();
    }
  }

  private InProcessCim() {}

  /** Runs one command; one at a time, since the standard streams are the JVM's. */
  static synchronized Outcome cim(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Cim.execute(args);
      return new Outcome(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
