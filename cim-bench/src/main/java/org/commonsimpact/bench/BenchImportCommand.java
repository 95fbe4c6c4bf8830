package org.commonsimpact.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cim bench-import}: runs the {@link ImportReadersBenchmark} and prints its figures. */
@Command(
    name = "bench-import",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the parse speed of the import-dumps readers on synthetic files.",
      "",
      "One core each: the SQL dump reader on a synthetic categorylinks dump (current layout: "
          + "binary sort keys with escapes, timestamps, 5000 tuples per INSERT line) and the "
          + "stub-meta-history XML reader on a synthetic stub of File pages, each read plain and "
          + "through gzip.",
      "",
      "Prints one TSV line per run on stdout: reader, input, uncompressed MB, seconds, MB/s of "
          + "uncompressed input. The files are written under --dir (a temporary folder by "
          + "default) and deleted afterwards."
    })
public final class BenchImportCommand implements Callable<Integer> {
  @Option(names = "--megabytes", paramLabel = "MB", defaultValue = "200",
      description = "Uncompressed size of each synthetic file (default: ${DEFAULT-VALUE}).")
  int megabytes;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
      description = "Timed reads of each file; the first warms the JIT "
          + "(default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the synthetic files.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    ImportReadersFigures figures =
        new ImportReadersBenchmark((long) megabytes * 1_000_000L, rounds, dir).run();
    figures.lines().forEach(System.out::println);
    System.out.flush();
    return 0;
  }
}
