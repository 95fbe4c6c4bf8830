package org.commonsimpact.app;

import java.nio.file.Path;
import java.util.Map;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.TsvSourceImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cim import-tsv}: replaces the nine source tables from TSV files. */
@Command(
    name = "import-tsv",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the nine source tables (source.mediawiki_page, ..., source.pageview_hourly, "
          + "source.wikis) from DIR/<table>.tsv.",
      "",
      "Files are UTF-8 with a header row naming the columns, tab-separated, \\N for NULL, no "
          + "quoting or escaping; a trailing \\r is dropped; booleans are true/false. Columns are "
          + "found by header name and extra columns are ignored.",
      "",
      "Every file is checked before any table is replaced: a missing file or column, a row with "
          + "the wrong number of fields, or a bad integer or boolean is an error naming the file "
          + "and line (exit 2), and the previous source tables stay as they were."
    })
final class ImportTsvCommand implements Runnable {
  @Option(names = "--input", required = true, paramLabel = "DIR",
      description = "Folder holding the nine <table>.tsv files.")
  Path input;

  @Mixin WarehouseOption warehouse;

  @Override
  public void run() {
    Map<String, Long> counts =
        new TsvSourceImporter(CimSession.open(warehouse.warehouse)).importAll(input);
    counts.forEach((table, rows) -> System.err.println("imported " + table + ": " + rows + " rows"));
  }
}
