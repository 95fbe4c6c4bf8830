package org.commonsimpact.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.commonsimpact.app.Cim;

/**
 * Runs {@code cim} commands in this JVM, through {@link Cim#execute}, and captures their exit
 * status and stderr. Cheaper than {@link PackagedCim} (the test JVM's Spark context is reused), so
 * tests that run many commands use it; the packaged jar itself is driven by {@link PackagedCim}.
 */
final class CimCli {
  /** Exit status and what went to stderr. */
  record Result(int status, String stderr) {
    /** The first line starting with {@code error: }, or an empty string. */
    String errorLine() {
      for (String line : stderr.split("\n")) {
        if (line.startsWith("error: ")) {
          return line;
        }
      }
      return "";
    }
  }

  private CimCli() {}

  static Result run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(new TeeStream(original, captured), true,
        StandardCharsets.UTF_8);
    System.setErr(tee);
    try {
      int status = Cim.execute(args);
      tee.flush();
      return new Result(status, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  /** Writes to two streams. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }
}
