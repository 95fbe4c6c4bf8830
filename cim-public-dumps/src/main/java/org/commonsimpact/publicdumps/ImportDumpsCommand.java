package org.commonsimpact.publicdumps;

import java.nio.file.Path;
import java.util.Map;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cim import-dumps}: fills the nine source tables from the public Wikimedia dumps. */
@Command(
    name = "import-dumps",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the nine source tables from the public Wikimedia dumps of a month.",
      "",
      "Files are read under --dumps DIR at the same relative paths as on "
          + "dumps.wikimedia.org (a mirror, or the folder fetch-dumps fills); every SQL and XML "
          + "dump comes from the one run --dump-date (D below). MediaWiki tables get snapshot = "
          + "--month.",
      "",
      "What each file becomes:",
      "  sitematrix.json (SiteMatrix API answer), or wikis.tsv",
      "      -> wikis",
      "  commonswiki/D/commonswiki-D-page.sql.gz -> mediawiki_page",
      "  commonswiki/D/commonswiki-D-linktarget.sql.gz -> mediawiki_linktarget",
      "  commonswiki/D/commonswiki-D-categorylinks.sql.gz",
      "      -> mediawiki_categorylinks (current, transitional or legacy",
      "         cl_to layout; titles resolve through linktarget, unknown",
      "         titles get made-up ids above the largest)",
      "  commonswiki/D/commonswiki-D-image.sql.gz -> mediawiki_image",
      "  --usage globalimagelinks (default):",
      "    commonswiki/D/commonswiki-D-globalimagelinks.sql.gz",
      "      -> imagelinks, linktarget and page rows of every using wiki",
      "  --usage imagelinks: for commonswiki and every listed wiki with a",
      "    WIKI/D folder, WIKI/D/WIKI-D-{imagelinks,linktarget,page}.sql.gz",
      "  commonswiki/D/commonswiki-D-stub-meta-history{1..N}.xml.gz",
      "    (or the single ...-stub-meta-history.xml.gz)",
      "      -> mediawiki_revision, mediawiki_actor (File pages only; one",
      "         made-up actor id per distinct user name or IP)",
      "  --pageviews complete (default):",
      "    other/pageview_complete/monthly/YYYY/YYYY-MM/pageviews-YYYYMM-user.bz2",
      "      -> pageview_hourly, one row per day, hour NULL",
      "  --pageviews hourly: every hour of the month,",
      "    other/pageviews/YYYY/YYYY-MM/pageviews-YYYYMMDD-HH0000.gz",
      "      -> pageview_hourly (HH0000 = the start of the hour)",
      "",
      "Pageviews are user-agent views of the projects in the wikis list (hourly domain codes "
          + "are mapped by inverting every wiki's desktop and mobile code; unknown codes are "
          + "dropped). A view has namespace_id 0 when its title is a namespace-0 page of that "
          + "wiki in the imported page table, else NULL.",
      "",
      "SQL dumps are read as bytes, their columns found by name in each file's CREATE TABLE. "
          + "Every file is parsed before any table is replaced: a missing file or column, a "
          + "truncated gzip/bzip2 stream, a malformed tuple, line or XML is an error naming the "
          + "file and the byte offset or line (exit 2), and the source tables stay as they were. "
          + "See docs/public-dumps.md."
    })
public final class ImportDumpsCommand implements Runnable {
  @Option(names = "--month", required = true, paramLabel = "YYYY-MM",
      description = "The month: the snapshot of the MediaWiki tables and the pageviews read.")
  String month;

  @Option(names = "--dump-date", required = true, paramLabel = "YYYYMMDD",
      description = "The dumps run to read, e.g. 20240301 (the first run after the month).")
  String dumpDate;

  @Option(names = "--dumps", required = true, paramLabel = "DIR",
      description = "Root of the dumps-site layout (see above).")
  Path dumps;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR",
      description = "Root of the Iceberg warehouse (catalog `cim`): a local folder, or an hdfs:// "
          + "or object-store URI.")
  String warehouse;

  @Option(names = "--usage", paramLabel = "SOURCE", defaultValue = "globalimagelinks",
      description = "Where file usage comes from: globalimagelinks (one commonswiki dump, the "
          + "default) or imagelinks (each wiki's imagelinks, linktarget and page dumps).")
  String usage;

  @Option(names = "--pageviews", paramLabel = "SOURCE", defaultValue = "complete",
      description = "complete (the monthly pageview_complete user file, the default) or hourly "
          + "(the month's hourly pageviews files).")
  String pageviews;

  @Override
  public void run() {
    Month parsed = Month.parse(month);
    PublicDumpsImporter.Usage usageSource = choice(PublicDumpsImporter.Usage.class, usage,
        "--usage");
    PublicDumpsImporter.Pageviews viewSource = choice(PublicDumpsImporter.Pageviews.class,
        pageviews, "--pageviews");
    PublicDumpsImporter.checkArguments(dumpDate, dumps);
    Map<String, Long> counts = new PublicDumpsImporter(CimSession.open(warehouse))
        .importMonth(parsed, dumpDate, dumps, usageSource, viewSource);
    counts.forEach((table, rows) -> System.err.println("imported " + table + ": " + rows + " rows"));
  }

  static <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new InvalidInputException(option + " must be one of "
        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase() + ", got '" + value
        + "'");
  }
}
