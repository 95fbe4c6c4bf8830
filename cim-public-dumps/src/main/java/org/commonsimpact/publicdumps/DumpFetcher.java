package org.commonsimpact.publicdumps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;

/**
 * Works out and downloads the files {@code import-dumps} reads for a month, into the dumps-site
 * layout under a folder ({@code bin/cim fetch-dumps}).
 */
final class DumpFetcher {
  static final String DEFAULT_BASE_URL = "https://dumps.wikimedia.org/";
  static final String DEFAULT_SITEMATRIX_URL =
      "https://meta.wikimedia.org/w/api.php?action=sitematrix&format=json&smlimit=max";

  /** One file to fetch: where from, where to, and what it must be. */
  static final class Item {
    final String url;
    final String relative;
    final long size;
    final String sha1;

    Item(String url, String relative, long size, String sha1) {
      this.url = url;
      this.relative = relative;
      this.size = size;
      this.sha1 = sha1;
    }
  }

  private final String baseUrl;
  private final String sitematrixUrl;
  private final Downloader downloader;

  DumpFetcher(String baseUrl, String sitematrixUrl, PrintStream progress) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.sitematrixUrl = sitematrixUrl;
    this.downloader = new Downloader(progress);
  }

  /**
   * The files of the month: commonswiki's tables and stubs, the usage source, the listed wikis'
   * usage tables, the pageview files. Reads (and, unless {@code to} is null, saves) each wiki's
   * dumpstatus.json, refusing jobs that are not done.
   */
  List<Item> plan(Month month, String date, PublicDumpsImporter.Usage usage,
      PublicDumpsImporter.Pageviews pageviews, List<String> wikis, Path to) throws IOException {
    DumpLayout layout = new DumpLayout(baseUrl, date);
    List<Item> items = new ArrayList<>();
    String commons = PublicDumpsImporter.COMMONS;
    DumpStatus status = status(layout, commons, to);
    for (String[] job : new String[][] {{"pagetable", "page"}, {"linktargettable", "linktarget"},
        {"categorylinkstable", "categorylinks"}, {"imagetable", "image"}}) {
      addTable(items, status, commons, date, job[0], job[1]);
    }
    if (usage == PublicDumpsImporter.Usage.GLOBALIMAGELINKS) {
      addTable(items, status, commons, date, "globalimagelinkstable", "globalimagelinks");
    } else {
      addTable(items, status, commons, date, "imagelinkstable", "imagelinks");
    }
    Pattern parts = Pattern.compile(Pattern.quote(commons + "-" + date)
        + "-stub-meta-history\\d+\\.xml\\.gz");
    Pattern single = Pattern.compile(Pattern.quote(commons + "-" + date)
        + "-stub-meta-history\\.xml\\.gz");
    List<DumpStatus.DumpFile> stubs;
    try {
      stubs = status.files("xmlstubsdump", parts);
    } catch (InvalidInputException noParts) {
      if (noParts.getMessage().contains("is '")) {
        throw noParts; // not done
      }
      stubs = status.files(status.hasJob("xmlstubsdumprecombine") ? "xmlstubsdumprecombine"
          : "xmlstubsdump", single);
    }
    for (DumpStatus.DumpFile file : stubs) {
      items.add(item(file));
    }
    for (String wiki : wikis) {
      if (wiki.equals(commons)) {
        continue;
      }
      DumpStatus other = status(layout, wiki, to);
      addTable(items, other, wiki, date, "pagetable", "page");
      addTable(items, other, wiki, date, "linktargettable", "linktarget");
      addTable(items, other, wiki, date, "imagelinkstable", "imagelinks");
    }
    if (pageviews == PublicDumpsImporter.Pageviews.COMPLETE) {
      String relative = DumpLayout.monthlyPageviews(month);
      items.add(new Item(baseUrl + relative, relative, -1, null));
    } else {
      for (String relative : DumpLayout.hourlyPageviews(month)) {
        items.add(new Item(baseUrl + relative, relative, -1, null));
      }
    }
    return items;
  }

  private void addTable(List<Item> items, DumpStatus status, String wiki, String date,
      String job, String table) {
    Pattern name = Pattern.compile(Pattern.quote(wiki + "-" + date + "-" + table + ".sql.gz"));
    for (DumpStatus.DumpFile file : status.files(job, name)) {
      items.add(item(file));
    }
  }

  private Item item(DumpStatus.DumpFile file) {
    String relative = file.relativeUrl.startsWith("/") ? file.relativeUrl.substring(1)
        : file.relativeUrl;
    return new Item(baseUrl + relative, relative, file.size, file.sha1);
  }

  private DumpStatus status(DumpLayout layout, String wiki, Path to) throws IOException {
    String relative = layout.dumpStatus(wiki);
    byte[] json = downloader.get(layout.url(relative));
    if (to != null) {
      Path saved = to.resolve(relative);
      Files.createDirectories(saved.getParent());
      Files.write(saved, json);
    }
    return DumpStatus.parse(layout.url(relative), json);
  }

  /** Saves the SiteMatrix as {@code to/sitematrix.json}, unless it is there. */
  void fetchSiteMatrix(Path to) throws IOException {
    Path target = to.resolve("sitematrix.json");
    if (Files.isRegularFile(target)) {
      return;
    }
    byte[] json = downloader.get(sitematrixUrl);
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.has("sitematrix")) {
      throw new InvalidInputException(sitematrixUrl + ": not a SiteMatrix answer");
    }
    if (root.has("continue")) {
      throw new InvalidInputException(sitematrixUrl + ": the answer is continued (smcontinue); "
          + "use smlimit=max");
    }
    Files.createDirectories(to);
    Files.write(target, json);
  }

  String sitematrixUrl() {
    return sitematrixUrl;
  }

  /** Downloads every item; returns how many were fetched (the others were already there). */
  int fetch(List<Item> items, Path to) throws IOException {
    int fetched = 0;
    for (Item item : items) {
      if (downloader.fetch(item.url, to.resolve(item.relative), item.size, item.sha1)) {
        fetched++;
      }
    }
    return fetched;
  }
}
