package org.commonsimpact.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.commonsimpact.dumps.DumpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cim bench-dumps}: runs the {@link DumpsBenchmark} and prints its figures. The exit status is
 * 1 when a check fails (parallel runs not byte-identical, or the writers' texts differ).
 */
@Command(
    name = "bench-dumps",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the dumps writer: parallel bzip2 streams against one single-threaded stream, on a "
          + "synthetic base table. Spark runs in local mode on all cores."
    })
public final class BenchDumpsCommand implements Callable<Integer> {
  @Option(names = "--rows", defaultValue = "2000000", paramLabel = "N",
      description = "Rows of the synthetic table (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Folder for the warehouse and the output files (default: a new temporary "
          + "folder, deleted at the end).")
  Path workDir;

  @Option(names = "--stream-bytes", paramLabel = "BYTES",
      description = "Uncompressed bytes per bzip2 stream (default: ${DEFAULT-VALUE}).")
  long streamBytes = DumpSettings.DEFAULT_STREAM_BYTES;

  @Option(names = "--rounds", defaultValue = "2", paramLabel = "N",
      description = "Rounds of (single-stream, parallel) writes (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--keep", description = "Keep the work folder.")
  boolean keep;

  @Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchDumpsCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rows < 1 || rounds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--rows and --rounds must be positive");
    }
    DumpsFigures figures = new DumpsBenchmark(rows, streamBytes, rounds, workDir, keep).run();
    figures.lines().forEach(System.out::println);
    System.out.flush();
    return figures.passed() ? 0 : 1;
  }
}
