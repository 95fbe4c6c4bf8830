package org.commonsimpact.bench;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cim generate}: writes a Commons-shaped synthetic world of a given scale into the nine
 * source tables, and its allow-list, so that the pipeline can be measured at sizes no fixture
 * reaches (issue 9). See {@link WorldGenerator} for the world's shape.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the nine source tables with a synthetic, Commons-shaped world and write its "
          + "allow-list. Scale 1 is about 1 million rows in all; rows grow linearly with the "
          + "scale; the same seed gives the same world.",
      "",
      "The world has power-law category fan-out and file counts, a few primaries with huge trees "
          + "and many small ones, overlapping trees, cycles (also through primaries), self-loops, "
          + "chains deeper than 7, links to missing categories and wrong namespaces, files in "
          + "several categories, usage from ~260 wikis (Commons and Wikidata included, which never "
          + "count), Zipf pageviews on every hour of every day of the month, and revisions over 16 "
          + "months.",
      "",
      "--mega-category adds a category tree whose files are used on 1,250,000 distinct pages per "
          + "unit of scale (5,000,000 at scale 4)."
    })
public final class GenerateCommand implements Runnable {
  @Option(names = "--scale", required = true, paramLabel = "N",
      description = "Size: 1 is about 1 million rows; fractions (0.01) make tiny worlds.")
  double scale;

  @Option(names = "--seed", required = true, paramLabel = "S",
      description = "Seed of every random choice: the same seed gives the same world.")
  long seed;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR",
      description = "Root of the Iceberg warehouse (catalog `cim`) to write source.* into.")
  String warehouse;

  @Option(names = "--month", defaultValue = "2024-02", paramLabel = "YYYY-MM",
      description = "The snapshot month of the world (default: ${DEFAULT-VALUE}).")
  String month;

  @Option(names = "--mega-category",
      description = "Add the skewed mega-category (see above).")
  boolean megaCategory;

  @Option(names = "--allow-list-out", paramLabel = "FILE",
      description = "Where to write the allow-list (default: <warehouse>/allow_list.txt).")
  Path allowListOut;

  @Option(names = "--rows-per-partition", hidden = true,
      defaultValue = "" + WorldGenerator.DEFAULT_ROWS_PER_PARTITION,
      description = "Rows per generating Spark partition (does not change the world).")
  long rowsPerPartition;

  @Override
  public void run() {
    WorldPlan plan = new WorldPlan(scale, seed, Month.parse(month), megaCategory);
    Path allowList = allowListOut != null ? allowListOut : defaultAllowList(warehouse);
    WorldSummary summary =
        new WorldGenerator(CimSession.open(warehouse), plan, rowsPerPartition).generate(allowList);
    summary.lines().forEach(System.out::println);
  }

  /**
   * Runs the command alone (for instance under {@code spark-submit} with the cim-bench jar);
   * {@code cim generate} is the usual entry point.
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateCommand()).execute(args));
  }

  /** {@code <warehouse>/allow_list.txt} for a local warehouse; other URIs need the option. */
  static Path defaultAllowList(String warehouse) {
    URI uri = URI.create(warehouse.replace(" ", "%20"));
    String scheme = uri.getScheme();
    if (scheme == null || scheme.length() <= 1) {
      return Paths.get(warehouse).resolve("allow_list.txt");
    }
    if (scheme.equals("file")) {
      return Paths.get(uri).resolve("allow_list.txt");
    }
    throw new InvalidInputException(
        "--allow-list-out is required when --warehouse is not a local folder: " + warehouse);
  }
}
