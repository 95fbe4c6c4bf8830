package org.commonsimpact.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.commonsimpact.cassandra.LoadCassandraCommand;
import org.commonsimpact.common.InvalidInputException;
import picocli.CommandLine;

/**
 * Runs {@code cim} commands in-process and captures their exit status and stderr.
 *
 * <p>Commands run through {@code org.commonsimpact.app.Cim.execute} when cim-app is on the class
 * path (found by reflection, so this module builds without it). {@code load-cassandra} runs there
 * once it is registered; until then, through picocli directly with the same error contract as
 * {@code cim} (one {@code error:} line; exit 2 for {@link InvalidInputException}, 1 otherwise), so
 * these tests need no change when the registration lands.
 */
final class CimCli {
  /** Exit status and what went to stderr. */
  record Result(int status, String stderr) {
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

  /** Whether the {@code cim} command line (cim-app) is on the class path. */
  static boolean cimAvailable() {
    return cimClass() != null;
  }

  static boolean loadCassandraRegistered() {
    Class<?> cim = cimClass();
    if (cim == null) {
      return false;
    }
    try {
      Object root = cim.getDeclaredConstructor().newInstance();
      return new CommandLine(root).getSubcommands().containsKey("load-cassandra");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> cimClass() {
    try {
      return Class.forName("org.commonsimpact.app.Cim");
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static int cimExecute(String[] args) {
    try {
      return (Integer) cimClass().getMethod("execute", String[].class).invoke(null,
          (Object) args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(new TeeStream(original, captured), true,
        StandardCharsets.UTF_8);
    System.setErr(tee);
    try {
      int status;
      if (!args[0].equals("load-cassandra") || loadCassandraRegistered()) {
        status = cimExecute(args);
      } else {
        status = standalone(Arrays.copyOfRange(args, 1, args.length));
      }
      tee.flush();
      return new Result(status, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private static int standalone(String[] args) {
    CommandLine cli = new CommandLine(new LoadCassandraCommand());
    cli.setErr(new PrintWriter(System.err, true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean invalid = false;
      Throwable chosen = e;
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidInputException) {
          invalid = true;
          chosen = t;
          break;
        }
      }
      String message = chosen.getMessage() == null ? chosen.getClass().getName()
          : chosen.getMessage();
      commandLine.getErr().println("error: " + message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
      commandLine.getErr().flush();
      return invalid ? 2 : 1;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("error: " + e.getMessage());
      return 2;
    });
    return cli.execute(args);
  }

  /** Writes to two streams. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws java.io.IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }
  }
}
