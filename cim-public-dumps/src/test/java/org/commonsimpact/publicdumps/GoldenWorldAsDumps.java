package org.commonsimpact.publicdumps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;

/**
 * Writes the golden world's sources ({@code fixtures/golden-small/input}, the month's rows) as
 * public dump files: per-wiki SQL dumps (categorylinks in the current or the legacy layout), a
 * globalimagelinks dump, the stub-meta-history XML, hourly and monthly pageview files, a SiteMatrix.
 *
 * <p>What the public formats cannot carry is left out: rows of other months, non-user pageviews,
 * actor ids (names are kept), and the contributor of a revision whose contributor is deleted.
 */
final class GoldenWorldAsDumps {
  static final Month MONTH = Month.parse("2024-02");
  static final String DATE = "20240301";

  private final Map<String, List<String[]>> tables = new HashMap<>();

  GoldenWorldAsDumps(Path input) {
    for (String table : List.of("mediawiki_page", "mediawiki_linktarget",
        "mediawiki_categorylinks", "mediawiki_imagelinks", "mediawiki_image",
        "mediawiki_revision", "mediawiki_actor", "pageview_hourly", "wikis")) {
      List<String> lines = SparkTestSupport.readLines(input.resolve(table + ".tsv"));
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] row = line.split("\t", -1);
        if (row.length > 1 && row[1].matches("\\d{4}-\\d{2}") && !row[1].equals("2024-02")) {
          continue; // another snapshot
        }
        rows.add(row);
      }
      tables.put(table, rows);
    }
  }

  List<String[]> rows(String table) {
    return tables.get(table);
  }

  private static String q(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String n(String tsv) {
    return tsv.equals("\\N") ? "NULL" : tsv;
  }

  void write(Path root, boolean legacyCategorylinks) {
    DumpLayout layout = new DumpLayout(root.toString(), DATE);
    StringBuilder sites = new StringBuilder();
    Map<String, String> domains = new LinkedHashMap<>();
    for (String[] w : rows("wikis")) {
      domains.put(w[0], w[1]);
      sites.append(sites.length() > 0 ? "," : "").append("{\"url\":\"https://").append(w[1])
          .append("\",\"dbname\":\"").append(w[0]).append("\",\"code\":\"x\"}");
    }
    DumpFiles.write(root.resolve("sitematrix.json"),
        "{\"sitematrix\":{\"count\":" + domains.size() + ",\"specials\":[" + sites + "]}}");

    Map<String, List<String>> pages = new TreeMap<>();
    Map<Long, String[]> pageById = new HashMap<>();
    for (String[] p : rows("mediawiki_page")) {
      pages.computeIfAbsent(p[0], k -> new ArrayList<>()).add("(" + p[2] + "," + p[3] + ","
          + q(p[4]) + "," + (p[5].equals("true") ? 1 : 0) + ",0,0.5,'20240301000000',"
          + "'20240301000000',1,10,'wikitext',NULL)");
      if (p[0].equals("commonswiki")) {
        pageById.put(Long.parseLong(p[2]), p);
      }
    }
    Map<String, List<String>> linktargets = new TreeMap<>();
    Map<String, String> titleOf = new HashMap<>();
    for (String[] l : rows("mediawiki_linktarget")) {
      linktargets.computeIfAbsent(l[0], k -> new ArrayList<>())
          .add("(" + l[2] + "," + l[3] + "," + q(l[4]) + ")");
      titleOf.put(l[0] + "/" + l[2], l[3] + "/" + l[4]);
    }
    Map<String, List<String>> imagelinks = new TreeMap<>();
    List<String> global = new ArrayList<>();
    for (String[] i : rows("mediawiki_imagelinks")) {
      imagelinks.computeIfAbsent(i[0], k -> new ArrayList<>())
          .add("(" + i[2] + "," + i[3] + "," + i[4] + ")");
      String target = titleOf.get(i[0] + "/" + i[4]);
      String page = pageTitle(i[0], i[2]);
      if (target != null && target.startsWith("6/") && page != null) {
        global.add("(" + q(i[0]) + "," + i[2] + "," + i[3] + ",''," + q(page) + ","
            + q(target.substring(2)) + ")");
      }
    }
    TreeSet<String> wikis = new TreeSet<>(pages.keySet());
    wikis.addAll(linktargets.keySet());
    wikis.addAll(imagelinks.keySet());
    for (String wiki : wikis) {
      DumpFiles.write(layout.path(layout.sqlDump(wiki, "page")), DumpFiles.sqlDumpUtf8("page",
          SmallDumpWorld.PAGE, pages.getOrDefault(wiki, List.of()).toArray(new String[0])));
      DumpFiles.write(layout.path(layout.sqlDump(wiki, "linktarget")), DumpFiles.sqlDumpUtf8(
          "linktarget", SmallDumpWorld.LINKTARGET,
          linktargets.getOrDefault(wiki, List.of()).toArray(new String[0])));
      DumpFiles.write(layout.path(layout.sqlDump(wiki, "imagelinks")), DumpFiles.sqlDumpUtf8(
          "imagelinks", SmallDumpWorld.IL_CURRENT,
          imagelinks.getOrDefault(wiki, List.of()).toArray(new String[0])));
    }
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "globalimagelinks")),
        DumpFiles.sqlDumpUtf8("globalimagelinks", SmallDumpWorld.GIL,
            global.toArray(new String[0])));

    List<String> links = new ArrayList<>();
    for (String[] c : rows("mediawiki_categorylinks")) {
      String key = "'\u00ff\\0" + c[2] + "'";
      if (legacyCategorylinks) {
        String target = titleOf.get(c[0] + "/" + c[3]);
        if (target == null || !target.startsWith("14/")) {
          continue; // a legacy file names titles: a dangling id has none
        }
        links.add("(" + c[2] + "," + q(target.substring(3)) + "," + key
            + ",'2024-01-01 00:00:00','','uca'," + q(c[4]) + ")");
      } else {
        links.add("(" + c[2] + "," + key + ",'2024-01-01 00:00:00',''," + q(c[4]) + ",1,"
            + c[3] + ")");
      }
    }
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "categorylinks")),
        DumpFiles.sqlDumpUtf8("categorylinks",
            legacyCategorylinks ? SmallDumpWorld.CL_LEGACY : SmallDumpWorld.CL_CURRENT,
            links.toArray(new String[0])));
    List<String> images = new ArrayList<>();
    for (String[] i : rows("mediawiki_image")) {
      images.add("(" + q(i[2]) + ",1,1,1,'',8," + (i[3].equals("\\N") ? "NULL" : q(i[3]))
          + ",'image','jpeg',1,1,'20240101000000','x')");
    }
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "image")),
        DumpFiles.sqlDumpUtf8("image", SmallDumpWorld.IMAGE, images.toArray(new String[0])));

    writeStub(layout, pageById);
    writePageviews(root, domains);
  }

  private String pageTitle(String wiki, String id) {
    for (String[] p : rows("mediawiki_page")) {
      if (p[0].equals(wiki) && p[2].equals(id)) {
        return p[4];
      }
    }
    return null;
  }

  private void writeStub(DumpLayout layout, Map<Long, String[]> pageById) {
    Map<String, String[]> actors = new HashMap<>();
    for (String[] a : rows("mediawiki_actor")) {
      actors.put(a[2], a);
    }
    Map<Long, List<String>> revisions = new TreeMap<>();
    for (String[] r : rows("mediawiki_revision")) {
      int deleted = r[7].equals("\\N") ? 0 : Integer.parseInt(r[7]);
      String contributor;
      String[] actor = actors.get(r[4]);
      if ((deleted & 4) != 0) {
        contributor = StubHistoryReaderTest.DELETED;
      } else if (actor[3].equals("\\N")) {
        contributor = StubHistoryReaderTest.ip(actor[4]);
      } else {
        contributor = StubHistoryReaderTest.user(actor[4], Long.parseLong(actor[3]));
      }
      String t = r[5];
      String iso = t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6, 8) + "T"
          + t.substring(8, 10) + ":" + t.substring(10, 12) + ":" + t.substring(12, 14) + "Z";
      Long parent = r[6].equals("\\N") || r[6].equals("0") ? null : Long.valueOf(r[6]);
      revisions.computeIfAbsent(Long.parseLong(r[3]), k -> new ArrayList<>()).add(
          StubHistoryReaderTest.revision(Long.parseLong(r[2]), parent, iso, contributor,
              (deleted & 2) != 0, (deleted & 1) != 0));
    }
    StringBuilder part1 = new StringBuilder(StubHistoryReaderTest.HEAD);
    StringBuilder part2 = new StringBuilder(StubHistoryReaderTest.HEAD);
    int i = 0;
    for (Map.Entry<Long, List<String>> e : revisions.entrySet()) {
      String[] page = pageById.get(e.getKey());
      int ns = page == null ? 6 : Integer.parseInt(page[3]);
      String title = page == null ? "Page " + e.getKey() : page[4].replace('_', ' ');
      String xml = StubHistoryReaderTest.page((ns == 6 ? "File:" : "") + title
          .replace("&", "&amp;").replace("<", "&lt;"), ns, e.getKey(),
          e.getValue().toArray(new String[0]));
      (i++ % 2 == 0 ? part1 : part2).append(xml);
    }
    DumpFiles.write(layout.path(layout.wikiDir("commonswiki") + "commonswiki-" + DATE
        + "-stub-meta-history1.xml.gz"), part1 + "</mediawiki>\n");
    DumpFiles.write(layout.path(layout.wikiDir("commonswiki") + "commonswiki-" + DATE
        + "-stub-meta-history2.xml.gz"), part2 + "</mediawiki>\n");
  }

  private void writePageviews(Path root, Map<String, String> domains) {
    Map<String, StringBuilder> hourly = new TreeMap<>();
    Map<String, Map<Integer, Long>> monthly = new TreeMap<>();
    for (String[] v : rows("pageview_hourly")) {
      if (!v[3].equals("user") || !v[5].equals("2024") || !v[6].equals("2")) {
        continue;
      }
      int day = Integer.parseInt(v[7]);
      int hour = Integer.parseInt(v[8]);
      String code = DomainCodes.codesOf(v[0])[0];
      hourly.computeIfAbsent(day + "/" + hour, k -> new StringBuilder()).append(code).append(' ')
          .append(v[1]).append(' ').append(v[4]).append(" 0\n");
      if (!v[4].equals("0")) {
        monthly.computeIfAbsent(v[0] + " " + v[1], k -> new TreeMap<>())
            .merge(day, Long.parseLong(v[4]), Long::sum);
      }
    }
    for (int day = 1; day <= MONTH.lengthInDays(); day++) {
      for (int hour = 0; hour < 24; hour++) {
        StringBuilder text = hourly.get(day + "/" + hour);
        DumpFiles.write(root.resolve(DumpLayout.hourlyPageviews(MONTH, day, hour)),
            text == null ? "" : text.toString());
      }
    }
    StringBuilder text = new StringBuilder();
    monthly.forEach((key, days) -> {
      StringBuilder counts = new StringBuilder();
      long total = 0;
      for (Map.Entry<Integer, Long> d : days.entrySet()) {
        counts.append((char) ('A' + d.getKey() - 1)).append(d.getValue());
        total += d.getValue();
      }
      String[] projectTitle = key.split(" ", 2);
      String title = projectTitle[1].contains("\"")
          ? "\"" + projectTitle[1].replace("\"", "\\\"") + "\"" : projectTitle[1];
      text.append(projectTitle[0]).append(' ').append(title).append(" null desktop ")
          .append(total).append(' ').append(counts).append('\n');
    });
    DumpFiles.write(root.resolve(DumpLayout.monthlyPageviews(MONTH)), text.toString());
  }
}
