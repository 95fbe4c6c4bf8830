package org.commonsimpact.serving;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonsimpact.common.SparkTestSupport;

/**
 * An independent, deliberately naive Java reading of SPEC §7 and §9: computes the fourteen serving
 * tables of a {@link ServingWorld} month as the TSV lines {@code bin/cim sql} would print, so that
 * random worlds can be checked table by table. It shares no code with the SQL: top lists sort whole
 * groups in memory and compute each rank as 1 + the number of candidates with a greater count.
 */
final class ServingOracle {
  static final int TOP_N = 100;
  private static final String ALL_WIKIS = "all-wikis";
  private static final String ALL_TYPES = "all-edit-types";
  private static final List<String> SCOPES = List.of("shallow", "deep");

  private final ServingWorld world;
  private final String dt;
  private final String yearMonth;
  /** The top list being computed, for {@link #cutTies}. */
  private String table;
  private final Map<String, Integer> cutTies = new TreeMap<>();
  private final Map<String, Integer> fullLists = new TreeMap<>();

  ServingOracle(ServingWorld world) {
    this.world = world;
    this.dt = world.month.firstDay() + "T00:00:00";
    this.yearMonth = world.month.year() + "\t" + world.month.monthNumber();
  }

  /** Table name → expected lines (no header), sorted by code point. */
  Map<String, List<String>> tables() {
    Map<String, Long> categoryWiki = categoryWikiSums();
    Map<String, Long> fileWiki = fileWikiSums();
    Map<String, Long> categoryEdits = new TreeMap<>();
    Map<String, Long> categoryUserEdits = new TreeMap<>();
    countCategoryEdits(categoryEdits, categoryUserEdits);

    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> t1 = new ArrayList<>();
    for (String c : world.categories()) {
      StringBuilder line = new StringBuilder(c + "\t" + dt);
      for (long n : world.categoryCounts(c)) {
        line.append('\t').append(n);
      }
      t1.add(line.toString());
    }
    out.put("category_metrics_snapshot", t1);
    List<String> t2 = new ArrayList<>();
    for (String f : world.files()) {
      long[] n = world.fileCounts(f);
      t2.add(f + "\t" + dt + "\t" + n[0] + "\t" + n[1]);
    }
    out.put("media_file_metrics_snapshot", t2);
    out.put("pageviews_per_category_monthly", insertDt(withAll(categoryWiki, ALL_WIKIS)));
    out.put("pageviews_per_media_file_monthly", insertDt(withAll(fileWiki, ALL_WIKIS)));
    out.put("edits_per_category_monthly", insertDt(withAll(categoryEdits, ALL_TYPES)));
    out.put("edits_per_user_monthly", insertDt(withAll(userEdits(), ALL_TYPES)));
    table = "top_pages_per_category_monthly";
    out.put(table, topPagesPerCategory());
    table = "top_pages_per_media_file_monthly";
    out.put(table, topPagesPerFile());
    table = "top_wikis_per_category_monthly";
    out.put(table, topOfLastKey(categoryWiki));
    table = "top_wikis_per_media_file_monthly";
    out.put(table, topOfLastKey(fileWiki));
    table = "top_viewed_categories_monthly";
    out.put(table, topCategories(withAll(categoryWiki, ALL_WIKIS)));
    table = "top_viewed_media_files_monthly";
    out.put(table, topFiles(withAll(fileWiki, ALL_WIKIS)));
    table = "top_edited_categories_monthly";
    out.put(table, topCategories(withAll(categoryEdits, ALL_TYPES)));
    table = "top_editors_monthly";
    out.put(table, topOfLastKey(withAll(categoryUserEdits, ALL_TYPES, 2)));
    out.replaceAll((table, lines) -> sorted(lines));
    return out;
  }

  /** Per top table, the lists of the last {@link #tables} call where a tie straddled row 100. */
  Map<String, Integer> cutTies() {
    return cutTies;
  }

  /** Per top table, the lists of the last {@link #tables} call with at least 100 candidates. */
  Map<String, Integer> fullLists() {
    return fullLists;
  }

  // ---- sums ----

  private Map<String, Long> categoryWikiSums() {
    Map<String, Long> sums = new TreeMap<>();
    for (ServingWorld.CategoryPageviews r : world.categoryPageviews()) {
      sums.merge(key(r.category(), r.scope(), r.wiki()), r.count(), Long::sum);
    }
    return sums;
  }

  private Map<String, Long> fileWikiSums() {
    Map<String, Long> sums = new TreeMap<>();
    for (ServingWorld.FilePageviews r : world.filePageviews()) {
      sums.merge(key(r.file(), r.wiki()), r.count(), Long::sum);
    }
    return sums;
  }

  private boolean inMonth(Instant t) {
    Instant start = world.month.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = world.month.firstDay().plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** (category, scope, type) → edits and (category, scope, type, user) → edits, without totals. */
  private void countCategoryEdits(Map<String, Long> perType, Map<String, Long> perUser) {
    for (ServingWorld.Edit e : world.edits()) {
      if (!inMonth(e.dt())) {
        continue;
      }
      for (String c : world.categories()) {
        for (String scope : SCOPES) {
          boolean counts = scope.equals("shallow")
              ? e.categories().contains(c)
              : world.deepFiles(c).contains(e.file());
          if (counts) {
            perType.merge(key(c, scope, e.type()), 1L, Long::sum);
            perUser.merge(key(c, scope, e.type(), e.user()), 1L, Long::sum);
          }
        }
      }
    }
  }

  private Map<String, Long> userEdits() {
    Map<String, Long> counts = new TreeMap<>();
    for (ServingWorld.Edit e : world.edits()) {
      if (inMonth(e.dt())) {
        counts.merge(key(e.user(), e.type()), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Adds, per key without its last part, a total whose last part is {@code total}. */
  private static Map<String, Long> withAll(Map<String, Long> counts, String total) {
    Map<String, Long> all = new TreeMap<>(counts);
    counts.forEach((k, v) -> {
      List<String> parts = split(k);
      parts.set(parts.size() - 1, total);
      all.merge(String.join("\t", parts), v, Long::sum);
    });
    return all;
  }

  /** Like {@link #withAll(Map, String)} for the part at {@code index} (the edit type). */
  private static Map<String, Long> withAll(Map<String, Long> counts, String total, int index) {
    Map<String, Long> all = new TreeMap<>(counts);
    counts.forEach((k, v) -> {
      List<String> parts = split(k);
      parts.set(index, total);
      all.merge(String.join("\t", parts), v, Long::sum);
    });
    return all;
  }

  private List<String> insertDt(Map<String, Long> counts) {
    List<String> lines = new ArrayList<>();
    counts.forEach((k, v) -> lines.add(k + "\t" + dt + "\t" + v));
    return lines;
  }

  // ---- top lists ----

  /** One candidate of a top list: its tie-break names, its value columns before the count. */
  private record Candidate(List<String> names, List<String> values, long count) {}

  private static final Comparator<List<String>> NAMES = (a, b) -> {
    for (int i = 0; i < a.size(); i++) {
      int c = SparkTestSupport.compareCodePoints(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  private void addTop(List<String> out, String keys, List<Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingLong(Candidate::count).reversed()
        .thenComparing(Candidate::names, NAMES));
    if (ordered.size() >= TOP_N) {
      fullLists.merge(table, 1, Integer::sum);
    }
    if (ordered.size() > TOP_N && ordered.get(TOP_N - 1).count() == ordered.get(TOP_N).count()) {
      cutTies.merge(table, 1, Integer::sum);
    }
    for (int i = 0; i < Math.min(TOP_N, ordered.size()); i++) {
      Candidate c = ordered.get(i);
      long rank = 1 + candidates.stream().filter(o -> o.count() > c.count()).count();
      out.add(keys + "\t" + yearMonth + "\t" + String.join("\t", c.values()) + "\t" + c.count()
          + "\t" + rank);
    }
  }

  private List<String> topPagesPerCategory() {
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    for (ServingWorld.CategoryPageviews r : world.categoryPageviews()) {
      Candidate page = new Candidate(List.of(r.page(), r.wiki()), List.of(r.wiki(), r.page()),
          r.count());
      groups.computeIfAbsent(key(r.category(), r.scope(), r.wiki()), k -> new ArrayList<>())
          .add(page);
      groups.computeIfAbsent(key(r.category(), r.scope(), ALL_WIKIS), k -> new ArrayList<>())
          .add(page);
    }
    List<String> out = new ArrayList<>();
    groups.forEach((k, candidates) -> addTop(out, k, candidates));
    return out;
  }

  private List<String> topPagesPerFile() {
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    for (ServingWorld.FilePageviews r : world.filePageviews()) {
      Candidate page = new Candidate(List.of(r.page(), r.wiki()), List.of(r.wiki(), r.page()),
          r.count());
      groups.computeIfAbsent(key(r.file(), r.wiki()), k -> new ArrayList<>()).add(page);
      groups.computeIfAbsent(key(r.file(), ALL_WIKIS), k -> new ArrayList<>()).add(page);
    }
    List<String> out = new ArrayList<>();
    groups.forEach((k, candidates) -> addTop(out, k, candidates));
    return out;
  }

  /** Groups by every key part but the last, which is the ranked name. */
  private List<String> topOfLastKey(Map<String, Long> counts) {
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    counts.forEach((k, v) -> {
      List<String> parts = split(k);
      String name = parts.remove(parts.size() - 1);
      groups.computeIfAbsent(String.join("\t", parts), g -> new ArrayList<>())
          .add(new Candidate(List.of(name), List.of(name), v));
    });
    List<String> out = new ArrayList<>();
    groups.forEach((g, candidates) -> addTop(out, g, candidates));
    return out;
  }

  /** Counts keyed (category, a, b) ranked per (a, b) by category. */
  private List<String> topCategories(Map<String, Long> counts) {
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    counts.forEach((k, v) -> {
      List<String> parts = split(k);
      String category = parts.remove(0);
      groups.computeIfAbsent(String.join("\t", parts), g -> new ArrayList<>())
          .add(new Candidate(List.of(category), List.of(category), v));
    });
    List<String> out = new ArrayList<>();
    groups.forEach((g, candidates) -> addTop(out, g, candidates));
    return out;
  }

  /** Files of each (category, scope) ranked per wiki by their own per-wiki count. */
  private List<String> topFiles(Map<String, Long> fileCounts) {
    Map<String, Map<String, Long>> byWiki = new TreeMap<>();
    fileCounts.forEach((k, v) -> {
      List<String> parts = split(k);
      byWiki.computeIfAbsent(parts.get(1), w -> new TreeMap<>()).put(parts.get(0), v);
    });
    List<String> out = new ArrayList<>();
    for (String c : world.categories()) {
      for (String scope : SCOPES) {
        for (Map.Entry<String, Map<String, Long>> wiki : byWiki.entrySet()) {
          List<Candidate> candidates = new ArrayList<>();
          for (String f : world.filesOf(c, scope)) {
            Long n = wiki.getValue().get(f);
            if (n != null && n > 0) {
              candidates.add(new Candidate(List.of(f), List.of(f), n));
            }
          }
          addTop(out, key(c, scope, wiki.getKey()), candidates);
        }
      }
    }
    return out;
  }

  // ---- helpers ----

  private static String key(String... parts) {
    return String.join("\t", parts);
  }

  private static List<String> split(String key) {
    return new ArrayList<>(List.of(key.split("\t", -1)));
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(SparkTestSupport::compareCodePoints);
    return copy;
  }
}
