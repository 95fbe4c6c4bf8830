package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.SourceTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates a few small worlds once and checks what the generator promises: determinism, linear
 * growth, every day of pageviews, MediaWiki's unique keys, and the graph's structural features.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorldGeneratorTest {
  private static final Month MONTH = Month.parse("2024-02");
  private static final long SMALL_ROWS_PER_PARTITION = 700;

  @TempDir static Path tmp;

  private World small;
  private World doubled;
  private World mega;

  private record World(SparkSession session, WorldPlan plan, WorldSummary summary) {}

  private World generate(String name, double scale, long seed, boolean withMega,
      long rowsPerPartition) {
    SparkSession session = CimSession.open(tmp.resolve(name).toString());
    WorldPlan plan = new WorldPlan(scale, seed, MONTH, withMega);
    WorldSummary summary = new WorldGenerator(session, plan, rowsPerPartition)
        .generate(tmp.resolve(name + "_allow_list.txt"));
    summary.lines().forEach(System.out::println);
    return new World(session, plan, summary);
  }

  /**
   * Three worlds, each costing the same few dozen seconds of Spark fixed costs whatever its scale.
   * The small one is generated with 700 rows per generating partition, so that its larger tables
   * come from several partitions, where the default gives one at this scale: {@link
   * #sameSeedGivesIdenticalTablesWhateverThePartitioning} compares it with the default
   * partitioning's rows, computed by the same queries without writing a fourth world.
   */
  @BeforeAll
  void generateWorlds() {
    small = generate("small", 0.05, 7, false, SMALL_ROWS_PER_PARTITION);
    doubled = generate("doubled", 0.1, 7, false, WorldGenerator.DEFAULT_ROWS_PER_PARTITION);
    mega = generate("mega", 0.002, 7, true, WorldGenerator.DEFAULT_ROWS_PER_PARTITION);
  }

  /** Row count and two order-independent hashes of every row of a table or query. */
  private static String checksum(SparkSession session, String relation) {
    Row row = session.sql("SELECT count(*), sum(CAST(hash(*) AS BIGINT)), "
        + "sum(CAST(xxhash64(*) % 1000003 AS BIGINT)) FROM " + relation).first();
    return row.getLong(0) + "/" + row.get(1) + "/" + row.get(2);
  }

  private static long count(SparkSession session, String sql) {
    return session.sql(sql).first().getLong(0);
  }

  /**
   * The small world's tables, written from 700-row generating partitions, hold exactly the rows of
   * the default partitioning (one partition per range at this scale): each table against its
   * generating query run with the default. ({@code wikis} is written from a fixed list, not from
   * ranges; linktarget's query reads the written imagelinks, compared here too.)
   */
  @Test
  void sameSeedGivesIdenticalTablesWhateverThePartitioning() {
    SparkSession session = small.session();
    WorldGenerator defaultPartitioning = new WorldGenerator(session, small.plan());
    Map<String, String> stored = new LinkedHashMap<>();
    Map<String, String> recomputed = new LinkedHashMap<>();
    for (SourceTables table : SourceTables.values()) {
      if (table == SourceTables.WIKIS) {
        continue;
      }
      stored.put(table.tableName(), checksum(session, table.qualifiedName()));
      recomputed.put(table.tableName(),
          checksum(session, "(" + defaultPartitioning.tableSql(table) + ")"));
      assertEquals(small.summary().rows().get(table.tableName()),
          Long.valueOf(stored.get(table.tableName()).split("/")[0]), table.tableName());
    }
    assertEquals(8, stored.size());
    assertEquals(stored, recomputed);
  }

  @Test
  void anotherSeedGivesAnotherWorld() {
    SparkSession session = small.session();
    WorldPlan other = new WorldPlan(0.05, 8, MONTH, false);
    for (SourceTables table : List.of(SourceTables.MEDIAWIKI_PAGE, SourceTables.PAGEVIEW_HOURLY)) {
      String stored = session.sql("SELECT sum(CAST(hash(*) AS BIGINT)) FROM "
          + table.qualifiedName()).first().get(0).toString();
      String same = session.sql("SELECT sum(CAST(hash(*) AS BIGINT)) FROM ("
          + new WorldGenerator(session, small.plan()).tableSql(table) + ")").first().get(0)
          .toString();
      String different = session.sql("SELECT sum(CAST(hash(*) AS BIGINT)) FROM ("
          + new WorldGenerator(session, other).tableSql(table) + ")").first().get(0).toString();
      assertEquals(stored, same, table.tableName());
      assertNotEquals(stored, different, table.tableName());
    }
  }

  @Test
  void rowsGrowLinearlyWithTheScale() {
    Map<String, Long> a = small.summary().rows();
    Map<String, Long> b = doubled.summary().rows();
    for (String table : a.keySet()) {
      if (table.equals("wikis")) {
        assertEquals(a.get(table), b.get(table));
        continue;
      }
      double ratio = (double) b.get(table) / a.get(table);
      assertTrue(ratio > 1.8 && ratio < 2.2, table + ": " + a.get(table) + " -> " + b.get(table));
    }
  }

  @Test
  void everyDayOfTheMonthHasPageviewsAndNeighbouringMonthsSome() {
    SparkSession session = doubled.session();
    new Readiness(session, MONTH).requirePageviews(false).check("test");
    assertEquals(29 * 24, count(session, "SELECT count(DISTINCT day, hour) FROM source.pageview_hourly"
        + " WHERE year = 2024 AND month = 2"));
    assertTrue(count(session, "SELECT count(*) FROM source.pageview_hourly WHERE month <> 2") > 0);
    assertEquals(3, count(session, "SELECT count(DISTINCT agent_type) FROM source.pageview_hourly"));
    // Zipf: the most viewed page has far more rows than the median page.
    Row top = session.sql("SELECT max(n), percentile_approx(n, 0.5) FROM (SELECT project, page_title,"
        + " count(*) AS n FROM source.pageview_hourly GROUP BY 1, 2)").first();
    assertTrue(top.getLong(0) > 50L * top.getLong(1), top.toString());
    assertTrue(count(session, "SELECT count(DISTINCT project) FROM source.pageview_hourly") > 100);
  }

  @Test
  void mediawikiUniqueKeysHoldAndTitlesAreNormalized() {
    SparkSession session = doubled.session();
    String[][] keys = {
      {"mediawiki_page", "wiki_db, page_id"},
      {"mediawiki_page", "wiki_db, page_namespace, page_title"},
      {"mediawiki_linktarget", "wiki_db, lt_id"},
      {"mediawiki_linktarget", "wiki_db, lt_namespace, lt_title"},
      {"mediawiki_categorylinks", "wiki_db, cl_from, cl_target_id"},
      {"mediawiki_imagelinks", "wiki_db, il_from, il_target_id"},
      {"mediawiki_actor", "wiki_db, actor_id"},
      {"mediawiki_actor", "wiki_db, actor_name"},
      {"mediawiki_image", "wiki_db, img_name"},
      {"wikis", "database_code"},
    };
    for (String[] key : keys) {
      assertEquals(0, count(session, "SELECT count(*) FROM (SELECT " + key[1] + " FROM source."
          + key[0] + " GROUP BY " + key[1] + " HAVING count(*) > 1)"), key[0] + " " + key[1]);
    }
    assertEquals(0, count(session, "SELECT count(*) FROM source.mediawiki_page WHERE page_title "
        + "RLIKE '__|^_|_$| |[#<>\\\\[\\\\]|{}%\\t\\n]'"));
    assertTrue(count(session, "SELECT count(*) FROM source.mediawiki_page WHERE wiki_db = "
        + "'commonswiki' AND page_namespace = 14 AND page_title RLIKE '[^\\\\x00-\\\\x7F]'") > 100);
    assertTrue(count(session, "SELECT count(*) FROM source.mediawiki_page WHERE page_title RLIKE "
        + "'[\\\\x{10000}-\\\\x{10FFFF}]'") > 0);
    // Duplicated revision rows are exact copies.
    assertEquals(count(session, "SELECT count(DISTINCT rev_id) FROM source.mediawiki_revision"),
        count(session, "SELECT count(*) FROM (SELECT DISTINCT * FROM source.mediawiki_revision)"));
    assertTrue(count(session, "SELECT count(*) - count(DISTINCT rev_id) FROM "
        + "source.mediawiki_revision") > 0);
  }

  @Test
  void revisionsAndActorsHaveTheEdgeCases() {
    SparkSession session = doubled.session();
    String rev = "SELECT count(*) FROM source.mediawiki_revision WHERE wiki_db = 'commonswiki' AND ";
    assertTrue(count(session, rev + "rev_timestamp = '20240201000000'") > 0);
    assertTrue(count(session, rev + "rev_timestamp = '20240229235959'") > 0);
    assertTrue(count(session, rev + "rev_timestamp = '20240301000000'") > 0);
    assertTrue(count(session, rev + "rev_deleted & 4 <> 0") > 0);
    assertTrue(count(session, rev + "rev_deleted = 2") > 0);
    assertTrue(count(session, rev + "rev_deleted IS NULL") > 0);
    assertTrue(count(session, rev + "(rev_parent_id = 0 OR rev_parent_id IS NULL)") > 0);
    long inMonth = count(session, rev + "rev_timestamp >= '20240201000000' AND rev_timestamp < "
        + "'20240301000000'");
    long all = count(session, rev + "true");
    assertTrue(inMonth > all / 3 && inMonth < all * 2 / 3, inMonth + " of " + all);
    assertTrue(count(session, "SELECT count(DISTINCT substr(rev_timestamp, 1, 6)) FROM "
        + "source.mediawiki_revision") >= 6);
    assertTrue(count(session, "SELECT count(*) FROM source.mediawiki_revision r JOIN "
        + "source.mediawiki_actor a ON a.wiki_db = r.wiki_db AND a.actor_id = r.rev_actor "
        + "WHERE r.wiki_db = 'commonswiki' AND a.actor_user IS NULL") > 0);
    assertTrue(count(session, "SELECT count(*) FROM source.mediawiki_revision r LEFT JOIN "
        + "source.mediawiki_actor a ON a.wiki_db = r.wiki_db AND a.actor_id = r.rev_actor "
        + "WHERE r.wiki_db = 'commonswiki' AND a.actor_id IS NULL") > 0);
  }

  @Test
  void usageComesFromManyWikisIncludingCommonsAndWikidata() {
    SparkSession session = doubled.session();
    String used = "SELECT count(*) FROM source.mediawiki_imagelinks il "
        + "JOIN source.mediawiki_linktarget lt ON lt.wiki_db = il.wiki_db AND lt.lt_id = "
        + "il.il_target_id AND lt.lt_namespace = 6 "
        + "JOIN source.mediawiki_page f ON f.wiki_db = 'commonswiki' AND f.page_namespace = 6 "
        + "AND f.page_title = lt.lt_title "
        + "JOIN source.mediawiki_page p ON p.wiki_db = il.wiki_db AND p.page_id = il.il_from "
        + "AND p.page_namespace = 0 AND il.il_from_namespace = 0 WHERE ";
    assertTrue(count(session, used + "il.wiki_db = 'commonswiki'") > 0);
    assertTrue(count(session, used + "il.wiki_db = 'wikidatawiki'") > 0);
    assertTrue(count(session, used + "il.wiki_db = 'tlhwiki'") > 0);
    long counted = count(session, used + "il.wiki_db IN (SELECT database_code FROM source.wikis) "
        + "AND il.wiki_db NOT IN ('commonswiki', 'wikidatawiki')");
    assertTrue(counted > 0.7 * count(session, "SELECT count(*) FROM source.mediawiki_imagelinks"));
    assertTrue(count(session, "SELECT count(DISTINCT il.wiki_db) FROM source.mediawiki_imagelinks il")
        > 100);
    // Some used pages have views, with the titles exactly as in the page table.
    assertTrue(count(session, "SELECT count(*) FROM source.mediawiki_imagelinks il JOIN "
        + "source.mediawiki_page p ON p.wiki_db = il.wiki_db AND p.page_id = il.il_from JOIN "
        + "source.wikis w ON w.database_code = p.wiki_db JOIN source.pageview_hourly v ON "
        + "v.project = regexp_replace(w.domain_name, '\\\\.org$', '') AND v.page_title = "
        + "p.page_title AND v.namespace_id = 0 AND v.agent_type = 'user'") > 100);
  }

  /** Category edges parent -> child as SPEC §3 and §9 define them, self-loops included. */
  private static Map<Long, List<Long>> edges(SparkSession session) {
    Map<Long, List<Long>> children = new HashMap<>();
    for (Row row : session.sql("SELECT p.page_id, cl.cl_from FROM source.mediawiki_categorylinks cl"
        + " JOIN source.mediawiki_linktarget lt ON lt.wiki_db = 'commonswiki' AND lt.lt_id = "
        + "cl.cl_target_id AND lt.lt_namespace = 14 JOIN source.mediawiki_page p ON p.wiki_db = "
        + "'commonswiki' AND p.page_namespace = 14 AND p.page_title = lt.lt_title JOIN "
        + "source.mediawiki_page c ON c.wiki_db = 'commonswiki' AND c.page_namespace = 14 AND "
        + "c.page_id = cl.cl_from WHERE cl.wiki_db = 'commonswiki' AND cl.cl_type = 'subcat'")
        .collectAsList()) {
      children.computeIfAbsent(row.getLong(0), k -> new ArrayList<>()).add(row.getLong(1));
    }
    return children;
  }

  private static Map<Long, Integer> depths(Map<Long, List<Long>> children, long root) {
    Map<Long, Integer> depth = new HashMap<>();
    ArrayDeque<Long> queue = new ArrayDeque<>();
    depth.put(root, 0);
    queue.add(root);
    while (!queue.isEmpty()) {
      long at = queue.poll();
      for (long child : children.getOrDefault(at, List.of())) {
        if (!depth.containsKey(child)) {
          depth.put(child, depth.get(at) + 1);
          queue.add(child);
        }
      }
    }
    return depth;
  }

  @Test
  void categoryGraphHasTheCommonsShape() {
    SparkSession session = doubled.session();
    WorldPlan plan = doubled.plan();
    Map<Long, List<Long>> children = edges(session);
    long selfLoops = children.entrySet().stream()
        .filter(e -> e.getValue().contains(e.getKey())).count();
    assertTrue(selfLoops > 0);
    // Power-law fan-out: a few categories with many children.
    int maxFanOut = children.values().stream().mapToInt(List::size).max().orElse(0);
    double meanFanOut = children.values().stream().mapToInt(List::size).average().orElse(0);
    assertTrue(maxFanOut > 20 * meanFanOut, maxFanOut + " vs mean " + meanFanOut);

    List<Long> primaryPages = new ArrayList<>();
    plan.primaryKeys().forEach(k -> primaryPages.add(WorldPlan.categoryPageId(k)));
    Map<Long, Map<Long, Integer>> trees = new LinkedHashMap<>();
    for (long primary : new LinkedHashSet<>(primaryPages)) {
      trees.put(primary, depths(children, primary));
    }
    int deepest = 0;
    int primariesWithParentInOwnTree = 0;
    List<Integer> sizes = new ArrayList<>();
    Map<Long, Integer> treesPerCategory = new HashMap<>();
    for (Map.Entry<Long, Map<Long, Integer>> tree : trees.entrySet()) {
      int size = 0;
      for (Map.Entry<Long, Integer> d : tree.getValue().entrySet()) {
        deepest = Math.max(deepest, d.getValue());
        if (d.getValue() <= 7) {
          size++;
          treesPerCategory.merge(d.getKey(), 1, Integer::sum);
        }
        if (d.getValue() <= 6 && children.getOrDefault(d.getKey(), List.of()).contains(tree.getKey())
            && !d.getKey().equals(tree.getKey())) {
          primariesWithParentInOwnTree++;
        }
      }
      sizes.add(size);
    }
    System.out.println("tree sizes (primaries 1, 2, 3, then small): " + sizes);
    assertTrue(deepest >= WorldPlan.CHAIN_LENGTH, "deepest " + deepest);
    assertTrue(primariesWithParentInOwnTree > 0, "no cycle through a primary");
    assertTrue(trees.get(3L).containsKey(4L) || trees.get(2L).containsKey(4L));
    assertTrue(trees.get(3L).getOrDefault(4L, 99) <= 7 || trees.get(2L).get(4L) <= 7);
    // A few huge trees and many small ones, overlapping.
    List<Integer> sorted = new ArrayList<>(sizes);
    sorted.sort(null);
    int median = sorted.get(sorted.size() / 2);
    assertTrue(sorted.get(sorted.size() - 1) > plan.categories / 10, sorted.toString());
    assertTrue(median < plan.categories / 100, sorted.toString());
    assertTrue(treesPerCategory.values().stream().anyMatch(n -> n >= 3));
    // 3-cycles.
    int triangles = 0;
    for (Map.Entry<Long, List<Long>> e : children.entrySet()) {
      long a = e.getKey();
      for (long b : e.getValue()) {
        for (long c : children.getOrDefault(b, List.of())) {
          if (a != b && b != c && a != c && children.getOrDefault(c, List.of()).contains(a)) {
            triangles++;
          }
        }
      }
    }
    assertTrue(triangles > 0);
  }

  @Test
  void filesAndLinksHaveTheEdgeCases() {
    SparkSession session = doubled.session();
    String cl = "SELECT count(*) FROM source.mediawiki_categorylinks cl JOIN "
        + "source.mediawiki_linktarget lt ON lt.wiki_db = cl.wiki_db AND lt.lt_id = cl.cl_target_id "
        + "WHERE cl.wiki_db = 'commonswiki' AND ";
    String noPage = "NOT EXISTS (SELECT 1 FROM source.mediawiki_page p WHERE p.wiki_db = "
        + "'commonswiki' AND p.page_namespace = 14 AND p.page_title = lt.lt_title)";
    assertTrue(count(session, cl + "lt.lt_namespace = 14 AND cl.cl_type = 'subcat' AND " + noPage)
        > 0);
    assertTrue(count(session, cl + "lt.lt_namespace = 14 AND cl.cl_type = 'file' AND " + noPage)
        > 0);
    assertTrue(count(session, cl + "lt.lt_namespace <> 14 AND NOT " + noPage) > 0);
    assertTrue(count(session, "SELECT count(*) FROM source.mediawiki_categorylinks WHERE wiki_db "
        + "<> 'commonswiki'") > 0);
    // Files in several categories; power-law category sizes.
    assertTrue(count(session, "SELECT count(*) FROM (SELECT cl_from FROM "
        + "source.mediawiki_categorylinks WHERE cl_type = 'file' GROUP BY cl_from HAVING "
        + "count(*) >= 3)") > 0);
    Row sizes = session.sql("SELECT max(n), avg(n) FROM (SELECT cl_target_id, count(*) AS n FROM "
        + "source.mediawiki_categorylinks WHERE cl_type = 'file' GROUP BY cl_target_id)").first();
    assertTrue(sizes.getLong(0) > 20 * sizes.getDouble(1), sizes.toString());
    // Files directly in chain categories deeper than 7 below their anchor.
    WorldPlan plan = doubled.plan();
    long deepChainTargets = count(session, "SELECT count(*) FROM source.mediawiki_categorylinks "
        + "WHERE cl_type = 'file' AND cl_target_id - 1 >= " + plan.chainBase + " AND cl_target_id - 1"
        + " < " + plan.categories + " AND pmod(cl_target_id - 1 - " + plan.chainBase + ", "
        + WorldPlan.CHAIN_LENGTH + ") >= 7");
    assertTrue(deepChainTargets > 0);
  }

  @Test
  void megaCategoryIsUsedOnTheDocumentedNumberOfPages() {
    SparkSession session = mega.session();
    WorldPlan plan = mega.plan();
    long pages = count(session, "SELECT count(DISTINCT il.wiki_db, il.il_from) FROM "
        + "source.mediawiki_imagelinks il JOIN source.mediawiki_linktarget lt ON lt.wiki_db = "
        + "il.wiki_db AND lt.lt_id = il.il_target_id AND lt.lt_namespace = 6 JOIN "
        + "source.mediawiki_page f ON f.wiki_db = 'commonswiki' AND f.page_namespace = 6 AND "
        + "f.page_title = lt.lt_title JOIN source.mediawiki_categorylinks cl ON cl.wiki_db = "
        + "'commonswiki' AND cl.cl_from = f.page_id AND cl.cl_type = 'file' AND cl.cl_target_id > "
        + WorldPlan.MEGA_CATEGORY_KEY + " JOIN source.mediawiki_page p ON p.wiki_db = il.wiki_db "
        + "AND p.page_id = il.il_from AND p.page_namespace = 0 JOIN source.wikis w ON "
        + "w.database_code = il.wiki_db WHERE il.il_from_namespace = 0 AND il.wiki_db NOT IN "
        + "('commonswiki', 'wikidatawiki')");
    assertEquals(plan.megaPages, pages);
    assertEquals(1250L * 4 * 1000, new WorldPlan(4, 7, MONTH, true).megaPages);
    // Skewed: the most used mega file is on a large share of the pages.
    long topFile = count(session, "SELECT max(n) FROM (SELECT il_target_id, count(*) AS n FROM "
        + "source.mediawiki_imagelinks WHERE il_from > " + WorldPlan.MEGA_PAGE_BASE
        + " AND il_from < " + WorldPlan.NO_PAGE_IL_FROM + " GROUP BY 1)");
    assertTrue(topFile > plan.megaPages / 20, "top mega file on " + topFile + " pages");
    assertTrue(mega.summary().notFound().size() == 4);
    assertTrue(readLines(mega.summary().allowList()).stream()
        .anyMatch(line -> normalize(line).equals("Mega_collection_of_Ærø")));
  }

  @Test
  void allowListNormalizesToThePrimariesPlusTheNotFoundEntries() {
    SparkSession session = doubled.session();
    Set<String> categories = new HashSet<>();
    session.sql("SELECT page_title FROM source.mediawiki_page WHERE wiki_db = 'commonswiki' AND "
        + "page_namespace = 14").collectAsList().forEach(r -> categories.add(r.getString(0)));
    Set<String> expected = new LinkedHashSet<>();
    doubled.plan().primaryKeys().forEach(k -> expected.add(session.sql("SELECT page_title FROM "
        + "source.mediawiki_page WHERE wiki_db = 'commonswiki' AND page_id = "
        + WorldPlan.categoryPageId(k)).first().getString(0)));
    Set<String> found = new LinkedHashSet<>();
    List<String> notFound = new ArrayList<>();
    List<String> lines = readLines(doubled.summary().allowList());
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("\r")));
    assertTrue(lines.stream().anyMatch(l -> l.contains("%")));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("#")));
    assertTrue(lines.stream().anyMatch(String::isBlank));
    int entries = 0;
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      entries++;
      String title = normalize(line);
      if (categories.contains(title)) {
        found.add(title);
      } else if (!notFound.contains(title)) {
        notFound.add(title);
      }
    }
    assertEquals(expected, found);
    assertEquals(doubled.summary().notFound(), notFound);
    assertEquals(doubled.summary().allowListEntries(), entries);
  }

  private static List<String> readLines(Path file) {
    try {
      return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** SPEC §9's allow-list normalization, written independently of the pipeline for this check. */
  static String normalize(String line) {
    String s = line.trim();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      if (s.charAt(i) == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1))
          && isHex(s.charAt(i + 2))) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    s = bytes.toString(StandardCharsets.UTF_8);
    if (s.regionMatches(true, 0, "Category:", 0, 9)) {
      s = s.substring(9);
    }
    s = s.replaceAll("[ _]+", "_").replaceAll("^_|_$", "");
    if (!s.isEmpty()) {
      int first = s.codePointAt(0);
      String upper = new String(Character.toChars(first)).toUpperCase(java.util.Locale.ROOT);
      if (upper.codePointCount(0, upper.length()) == 1) {
        s = upper + s.substring(Character.charCount(first));
      }
    }
    return s;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
