package org.commonsimpact.publicdumps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;

/**
 * Where each file lives, relative to the root of the dumps site (or a mirror, or the folder
 * {@code fetch-dumps} fills): the same relative paths as on dumps.wikimedia.org.
 */
final class DumpLayout {
  private static final Pattern STUB_PART =
      Pattern.compile(".*-stub-meta-history(\\d+)\\.xml\\.gz");

  private final String root;
  private final String date;

  /** @param root the site root: a folder, or a URL ending in {@code /} */
  DumpLayout(String root, String date) {
    this.root = root.endsWith("/") ? root : root + "/";
    this.date = date;
  }

  String date() {
    return date;
  }

  String wikiDir(String wiki) {
    return wiki + "/" + date + "/";
  }

  String dumpStatus(String wiki) {
    return wikiDir(wiki) + "dumpstatus.json";
  }

  /** {@code <wiki>/<date>/<wiki>-<date>-<table>.sql.gz} */
  String sqlDump(String wiki, String table) {
    return wikiDir(wiki) + wiki + "-" + date + "-" + table + ".sql.gz";
  }

  String stubHistory(String wiki) {
    return wikiDir(wiki) + wiki + "-" + date + "-stub-meta-history.xml.gz";
  }

  static String monthlyPageviews(Month month) {
    String ym = month.snapshot();
    return "other/pageview_complete/monthly/" + month.year() + "/" + ym + "/pageviews-"
        + ym.replace("-", "") + "-user.bz2";
  }

  /** Every hourly file of the month, in time order. */
  static List<String> hourlyPageviews(Month month) {
    List<String> files = new ArrayList<>();
    for (int day = 1; day <= month.lengthInDays(); day++) {
      for (int hour = 0; hour < 24; hour++) {
        files.add(hourlyPageviews(month, day, hour));
      }
    }
    return files;
  }

  static String hourlyPageviews(Month month, int day, int hour) {
    return String.format("other/pageviews/%d/%s/pageviews-%d%02d%02d-%02d0000.gz", month.year(),
        month.snapshot(), month.year(), month.monthNumber(), day, hour);
  }

  String url(String relative) {
    return root + relative;
  }

  Path path(String relative) {
    return Path.of(root).resolve(relative);
  }

  /**
   * The stub-meta-history files to read: the split parts {@code ...history1.xml.gz ... N} when
   * there are any (they can be read in parallel), else the single file.
   */
  List<Path> stubFiles(String wiki) {
    Path dir = path(wikiDir(wiki));
    List<Path> parts = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> STUB_PART.matcher(f.getFileName().toString()).matches())
            .forEach(parts::add);
      } catch (IOException e) {
        throw new InvalidInputException("cannot list " + dir + ": " + e.getMessage());
      }
    }
    parts.sort((a, b) -> Integer.compare(part(a), part(b)));
    return parts.isEmpty() ? List.of(path(stubHistory(wiki))) : parts;
  }

  private static int part(Path file) {
    Matcher m = STUB_PART.matcher(file.getFileName().toString());
    m.matches();
    return Integer.parseInt(m.group(1));
  }
}
