package org.commonsimpact.publicdumps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cim fetch-dumps}: downloads what {@code import-dumps} reads for a month. */
@Command(
    name = "fetch-dumps",
    mixinStandardHelpOptions = true,
    description = {
      "Download the public dump files import-dumps reads for a month.",
      "",
      "Files go into --to DIR under the same relative paths as on the dumps site.",
      "",
      "Reads commonswiki's (and each --wikis wiki's) DATE/dumpstatus.json, saves it, and refuses "
          + "(exit 2) a job that is not 'done'. Fetches commonswiki's page, linktarget, "
          + "categorylinks and image SQL dumps, the usage source (globalimagelinks, or "
          + "imagelinks), the stub-meta-history XML parts, each --wikis wiki's page, linktarget "
          + "and imagelinks dumps, the month's pageview files, and the SiteMatrix as "
          + "DIR/sitematrix.json.",
      "",
      "Downloads resume: a partial NAME.part continues with a range request, a finished NAME is "
          + "not fetched again. Each dump file's sha1 is checked against dumpstatus.json (a "
          + "mismatch deletes the part file and fails, exit 1); pageview files have no published "
          + "sha1 there. Progress (bytes, rate, ETA) goes to stderr; --dry-run prints the URLs "
          + "on stdout instead of downloading."
    })
public final class FetchDumpsCommand implements Runnable {
  @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
      description = "The month whose pageview files are fetched.")
  String month;

  @Option(names = "--dump-date", required = true, paramLabel = "YYYYMMDD",
      description = "The dumps run, e.g. 20240301.")
  String dumpDate;

  @Option(names = "--to", required = true, paramLabel = "DIR",
      description = "Where files go (the --dumps folder of import-dumps).")
  Path to;

  @Option(names = "--base-url", paramLabel = "URL", defaultValue = DumpFetcher.DEFAULT_BASE_URL,
      description = "Root of the dumps site or a mirror (default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = "--sitematrix-url", paramLabel = "URL",
      defaultValue = DumpFetcher.DEFAULT_SITEMATRIX_URL,
      description = "The SiteMatrix API query (default: ${DEFAULT-VALUE}).")
  String sitematrixUrl;

  @Option(names = "--wikis", paramLabel = "FILE",
      description = "Wiki database codes (one a line, # comments) whose imagelinks, linktarget "
          + "and page dumps are fetched, for import-dumps --usage imagelinks.")
  Path wikis;

  @Option(names = "--usage", paramLabel = "SOURCE", defaultValue = "globalimagelinks",
      description = "globalimagelinks (default) or imagelinks: which commonswiki usage dump.")
  String usage;

  @Option(names = "--pageviews", paramLabel = "SOURCE", defaultValue = "complete",
      description = "complete (the monthly user file, default) or hourly (every hourly file).")
  String pageviews;

  @Option(names = "--dry-run", description = "Print the URLs to fetch; download nothing.")
  boolean dryRun;

  @Override
  public void run() {
    Month parsed = Month.parse(month);
    PublicDumpsImporter.checkDumpDate(dumpDate);
    PublicDumpsImporter.Usage usageSource =
        ImportDumpsCommand.choice(PublicDumpsImporter.Usage.class, usage, "--usage");
    PublicDumpsImporter.Pageviews viewSource =
        ImportDumpsCommand.choice(PublicDumpsImporter.Pageviews.class, pageviews, "--pageviews");
    List<String> wikiList = wikis == null ? List.of() : readWikis(wikis);
    DumpFetcher fetcher = new DumpFetcher(baseUrl, sitematrixUrl, System.err);
    try {
      List<DumpFetcher.Item> items = fetcher.plan(parsed, dumpDate, usageSource, viewSource,
          wikiList, dryRun ? null : to);
      if (dryRun) {
        System.out.println(fetcher.sitematrixUrl());
        items.forEach(item -> System.out.println(item.url));
        return;
      }
      fetcher.fetchSiteMatrix(to);
      int fetched = fetcher.fetch(items, to);
      System.err.println("fetch-dumps: " + fetched + " file(s) downloaded, "
          + (items.size() - fetched) + " already there, into " + to);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  static List<String> readWikis(Path file) {
    try {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String wiki = line.trim();
        if (!wiki.isEmpty() && !wiki.startsWith("#")) {
          out.add(wiki);
        }
      }
      return out;
    } catch (IOException e) {
      throw new InvalidInputException("cannot read --wikis file " + file + ": " + e.getMessage());
    }
  }
}
