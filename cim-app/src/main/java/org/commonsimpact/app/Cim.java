package org.commonsimpact.app;

import java.io.PrintWriter;
import org.commonsimpact.pipeline.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cim} command line (SPEC §10). Exit status 0 on success, 2 on invalid input (arguments,
 * allow-list, source data, missing partitions), 1 on any other failure; an error is one line
 * starting with {@code error:}.
 */
@Command(
    name = "cim",
    mixinStandardHelpOptions = true,
    version = "cim 0.1.0",
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Commons Impact Metrics: measures how GLAM contributions to Wikimedia Commons are used "
          + "across Wikipedia and its sister wikis, one month at a time.",
      "",
      "Runs Spark in local mode with an Iceberg Hadoop catalog rooted at --warehouse; the same "
          + "jar runs under spark-submit on YARN (see docs/operations.md)."
    },
    subcommands = {
      ImportTsvCommand.class,
      org.commonsimpact.publicdumps.FetchDumpsCommand.class,
      org.commonsimpact.publicdumps.ImportDumpsCommand.class,
      org.commonsimpact.bench.BenchImportCommand.class,
      RunCommand.class,
      BackfillCommand.class,
      SqlCommand.class,
      DemoCommand.class,
      org.commonsimpact.bench.BenchDumpsCommand.class,
      org.commonsimpact.cassandra.LoadCassandraCommand.class,
      org.commonsimpact.bench.GenerateCommand.class,
      org.commonsimpact.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  success",
      "  2  invalid input: arguments, allow-list, source data, missing partitions",
      "  1  any other failure",
      "",
      "Logs and progress go to stderr; query results and reports to stdout or files."
    })
public final class Cim implements Runnable {
  public static final int EXIT_OK = Failures.EXIT_OK;
  public static final int EXIT_FAILURE = Failures.EXIT_FAILURE;
  public static final int EXIT_INVALID_INPUT = Failures.EXIT_INVALID_INPUT;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    int status = execute(args);
    System.exit(status);
  }

  /** Runs the command line and returns its exit status, without exiting the JVM. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Cim());
    addApiCommands(cli);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean invalid = isInvalidInput(e);
          PrintWriter err = commandLine.getErr();
          err.println("error: " + oneLine(e));
          err.flush();
          if (!invalid) {
            org.slf4j.LoggerFactory.getLogger(Cim.class).error("failure", e);
          }
          return invalid ? EXIT_INVALID_INPUT : EXIT_FAILURE;
        });
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("error: " + oneLine(e));
          err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          err.flush();
          return EXIT_INVALID_INPUT;
        });
    return cli.execute(args);
  }

  /**
   * Adds {@code serve} and {@code bench-api} when the HTTP server and the Cassandra driver are on
   * the class path: they are in cim-local.jar, but cim-cluster.jar (for spark-submit) leaves them
   * out, and picocli would fail to introspect those commands there.
   */
  private static void addApiCommands(CommandLine cli) {
    if (onClassPath("io.javalin.Javalin")
        && onClassPath("com.datastax.oss.driver.api.core.CqlSession")) {
      cli.addSubcommand(new org.commonsimpact.api.ServeCommand());
      cli.addSubcommand(new org.commonsimpact.bench.BenchApiCommand());
    }
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, Cim.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static boolean isInvalidInput(Throwable e) {
    return Failures.isInvalidInput(e);
  }

  /**
   * The invalid-input message if any, else the exception's own, on one line; a back-fill failure
   * keeps its own message, which names the month and already carries its cause's.
   */
  static String oneLine(Throwable e) {
    return e instanceof BackfillCommand.BackfillFailure ? Failures.ownLine(e) : Failures.oneLine(e);
  }
}
