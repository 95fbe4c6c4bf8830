package org.commonsimpact.serving;

import static org.commonsimpact.serving.ServingTestSupport.field;
import static org.commonsimpact.serving.ServingTestSupport.monthLines;
import static org.commonsimpact.serving.ServingTestSupport.withPrefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.SqlScript;
import org.commonsimpact.common.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of SPEC §7 and §9 on one small hand-built month, each scenario in its own categories
 * and files so that one stage run serves every test: ties straddling row 100, a list of exactly
 * 100, more than 100 candidates, code point tie-breaks, aggregates absent when empty, special
 * users, deep edits and deep file lists, top wikis without all-wikis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingRulesTest {
  private static final Month MONTH = Month.parse("2024-02");
  private static final String DT = "2024-02-01T00:00:00";
  private static final String MATH_A = "\uD835\uDD38"; // U+1D538, UTF-16 sorts it before U+FF21
  private static final String FULLWIDTH_A = "\uFF21";

  @TempDir static Path tempDir;
  private SparkSession session;
  private ServingWorld world;
  private RunReport report;

  @BeforeAll
  void run() {
    world = new ServingWorld("2024-02");
    // A tie on 50 views straddles row 100: positions 96..105.
    world.file("Tie.jpg", "Tie_at_100");
    for (int i = 1; i <= 95; i++) {
      world.use("Tie.jpg", "en.wikipedia", String.format("Page_%03d", i), 1000 - i);
    }
    for (int i = 0; i <= 9; i++) {
      world.use("Tie.jpg", "en.wikipedia", "Tie_" + i, 50);
    }
    // In the all-wikis list the tie at row 100 is broken by page_title, then page_wiki.
    world.file("Wikis.jpg", "Wiki_tie");
    for (int i = 1; i <= 99; i++) {
      world.use("Wikis.jpg", "en.wikipedia", String.format("Top_%03d", i), 1000 - i);
    }
    world.use("Wikis.jpg", "fr.wikipedia", "Same", 10);
    world.use("Wikis.jpg", "de.wikipedia", "Same", 10);
    world.use("Wikis.jpg", "aa.wikipedia", "Zed", 10);
    // Code point order, not UTF-16 order, decides the last place.
    world.file("Codepoints.jpg", "Codepoint");
    for (int i = 1; i <= 99; i++) {
      world.use("Codepoints.jpg", "en.wikipedia", String.format("Cp_%03d", i), 1000 - i);
    }
    world.use("Codepoints.jpg", "en.wikipedia", MATH_A, 5);
    world.use("Codepoints.jpg", "en.wikipedia", FULLWIDTH_A, 5);
    // Exactly 100 candidates, with many ties.
    world.file("Hundred.jpg", "Exactly_100");
    for (int i = 1; i <= 100; i++) {
      world.use("Hundred.jpg", "en.wikipedia", String.format("H_%03d", i), i % 7 + 1);
    }
    // 150 candidates, all counts distinct.
    world.file("Many.jpg", "Many_pages");
    for (int i = 1; i <= 150; i++) {
      world.use("Many.jpg", "en.wikipedia", String.format("M_%03d", i), i);
    }
    // 105 wikis: a tie on 20 views straddles row 100 of the top wikis.
    world.file("Multi.jpg", "Multi_wiki");
    for (int i = 1; i <= 105; i++) {
      world.use("Multi.jpg", String.format("w%03d.wikipedia", i), "Multi", i <= 95 ? 300 - i : 20);
    }
    // Nothing viewed, nothing edited.
    world.category("Lonely");
    world.file("Unviewed.jpg", "Unviewed").use("Unviewed.jpg", "en.wikipedia", "Quiet", 0);
    // Special users; edits outside the month.
    world.file("Edited.jpg", "Edited_cat")
        .edit(":anonymous:", "create", "Edited.jpg", "2024-02-01T00:00:00Z")
        .edit(":redacted:", "update", "Edited.jpg", "2024-02-10T00:00:00Z")
        .edit(":redacted:", "update", "Edited.jpg", "2024-02-11T00:00:00Z")
        .edit("Alice", "update", "Edited.jpg", "2024-02-12T00:00:00Z")
        .edit("Bob", "update", "Edited.jpg", "2024-02-29T23:59:59Z")
        .edit("Carol", "update", "Edited.jpg", "2024-01-31T23:59:59Z")
        .edit("Carol", "create", "Edited.jpg", "2024-03-01T00:00:00Z");
    world.file("Upd.jpg", "Updates_only")
        .edit("Alice", "update", "Upd.jpg", "2024-02-05T00:00:00Z");
    // Deep: Parent holds Child.jpg without Child.jpg being directly in it; Sibling does not.
    world.file("Child.jpg", "Child").deep("Parent", "Child.jpg");
    world.file("Sib.jpg", "Sibling");
    world.use("Child.jpg", "en.wikipedia", "Kids", 30);
    world.edit("Dora", "create", "Child.jpg", "2024-02-03T00:00:00Z");

    session = SparkTestSupport.freshSession(tempDir);
    world.appendTo(session);
    report = ServingTestSupport.runStage(session, MONTH);
  }

  private List<String> lines(String table) {
    return monthLines(session, table, MONTH);
  }

  @Test
  void everyTableMatchesTheOracle() {
    ServingTestSupport.assertMatchesOracle(session, world);
  }

  @Test
  void tieStraddlingRow100IsCutByName() {
    for (String scope : List.of("shallow", "deep")) {
      for (String wiki : List.of("en.wikipedia", "all-wikis")) {
        List<String> list = withPrefix(lines("top_pages_per_category_monthly"),
            "Tie_at_100", scope, wiki);
        assertEquals(100, list.size(), scope + " " + wiki);
        List<String> tied = list.stream().filter(l -> l.contains("\tTie_")).toList();
        assertEquals(List.of(
            "Tie_at_100\t" + scope + "\t" + wiki + "\t2024\t2\ten.wikipedia\tTie_0\t50\t96",
            "Tie_at_100\t" + scope + "\t" + wiki + "\t2024\t2\ten.wikipedia\tTie_1\t50\t96",
            "Tie_at_100\t" + scope + "\t" + wiki + "\t2024\t2\ten.wikipedia\tTie_2\t50\t96",
            "Tie_at_100\t" + scope + "\t" + wiki + "\t2024\t2\ten.wikipedia\tTie_3\t50\t96",
            "Tie_at_100\t" + scope + "\t" + wiki + "\t2024\t2\ten.wikipedia\tTie_4\t50\t96"),
            tied);
      }
    }
    List<String> file = withPrefix(lines("top_pages_per_media_file_monthly"), "Tie.jpg",
        "en.wikipedia");
    assertEquals(100, file.size());
    assertEquals(List.of("Tie_0", "Tie_1", "Tie_2", "Tie_3", "Tie_4"),
        field(file, 5).stream().filter(t -> t.startsWith("Tie_")).toList());
  }

  @Test
  void allWikisTieIsBrokenByTitleThenWiki() {
    List<String> list = withPrefix(lines("top_pages_per_category_monthly"),
        "Wiki_tie", "shallow", "all-wikis");
    assertEquals(100, list.size());
    assertTrue(list.contains("Wiki_tie\tshallow\tall-wikis\t2024\t2\tde.wikipedia\tSame\t10\t100"));
    assertFalse(list.stream().anyMatch(l -> l.contains("fr.wikipedia")), "Same on fr is 101st");
    assertFalse(list.stream().anyMatch(l -> l.contains("\tZed\t")), "Zed is 102nd");
    // Per wiki, each short list is whole.
    assertEquals(List.of("Wiki_tie\tshallow\tfr.wikipedia\t2024\t2\tfr.wikipedia\tSame\t10\t1"),
        withPrefix(lines("top_pages_per_category_monthly"), "Wiki_tie", "shallow",
            "fr.wikipedia"));
  }

  @Test
  void namesCompareByCodePoint() {
    List<String> list = withPrefix(lines("top_pages_per_category_monthly"),
        "Codepoint", "shallow", "en.wikipedia");
    assertEquals(100, list.size());
    assertTrue(list.contains(
        "Codepoint\tshallow\ten.wikipedia\t2024\t2\ten.wikipedia\t" + FULLWIDTH_A + "\t5\t100"));
    assertFalse(list.stream().anyMatch(l -> l.contains(MATH_A)));
  }

  @Test
  void groupOfExactly100KeepsAllWithSharedRanks() {
    List<String> list = withPrefix(lines("top_pages_per_category_monthly"),
        "Exactly_100", "deep", "en.wikipedia");
    assertEquals(100, list.size());
    for (String line : list) {
      String[] f = line.split("\t");
      long views = Long.parseLong(f[7]);
      // i % 7 + 1 for i = 1..100: views v > x occur for every x below; count them.
      long above = 0;
      for (int i = 1; i <= 100; i++) {
        if (i % 7 + 1 > views) {
          above++;
        }
      }
      assertEquals(String.valueOf(above + 1), f[8], line);
    }
  }

  @Test
  void moreThan100CandidatesKeepsTheTop100() {
    List<String> list = withPrefix(lines("top_pages_per_category_monthly"),
        "Many_pages", "shallow", "en.wikipedia");
    assertEquals(100, list.size());
    List<Long> counts = field(list, 7).stream().map(Long::parseLong).sorted().toList();
    assertEquals(51L, counts.get(0));
    assertEquals(150L, counts.get(99));
    assertTrue(list.contains(
        "Many_pages\tshallow\ten.wikipedia\t2024\t2\ten.wikipedia\tM_051\t51\t100"));
  }

  @Test
  void topWikisNeverHoldAllWikisAndCutTies() {
    assertFalse(lines("top_wikis_per_category_monthly").stream()
        .anyMatch(l -> l.contains("all-wikis")));
    assertFalse(lines("top_wikis_per_media_file_monthly").stream()
        .anyMatch(l -> l.contains("all-wikis")));
    List<String> wikis = withPrefix(lines("top_wikis_per_media_file_monthly"), "Multi.jpg");
    assertEquals(100, wikis.size());
    assertEquals(List.of("w096.wikipedia", "w097.wikipedia", "w098.wikipedia", "w099.wikipedia",
            "w100.wikipedia"),
        wikis.stream().filter(l -> l.endsWith("\t20\t96")).map(l -> l.split("\t")[3]).toList());
    assertEquals(100,
        withPrefix(lines("top_wikis_per_category_monthly"), "Multi_wiki", "deep").size());
  }

  @Test
  void topViewedCategoriesRankAllWikisAsAWiki() {
    List<String> all = withPrefix(lines("top_viewed_categories_monthly"), "shallow", "all-wikis");
    assertTrue(all.contains("shallow\tall-wikis\t2024\t2\tMulti_wiki\t"
        + (95 * 300 - 95 * 96 / 2 + 10 * 20) + "\t4"), String.join("\n", all));
  }

  @Test
  void aggregatesAbsentWhereNothingUnderlies() {
    for (String table : Tables.SERVING_TABLES) {
      List<String> rows = lines(table);
      boolean snapshot = table.endsWith("_snapshot");
      for (String name : List.of("Lonely", "Unviewed", "Unviewed.jpg", "Sibling", "Sib.jpg")) {
        boolean present = rows.stream().anyMatch(l -> List.of(l.split("\t")).contains(name));
        boolean expected = snapshot && !(table.startsWith("media_file") ^ name.endsWith(".jpg"));
        assertEquals(expected, present, table + " / " + name);
      }
    }
    // Pageviews of Unviewed.jpg are 0, but the page uses it.
    assertTrue(lines("media_file_metrics_snapshot").contains("Unviewed.jpg\t" + DT + "\t1\t1"));
    // Only update edits: no create row, all-edit-types present.
    assertEquals(List.of(
            "Updates_only\tdeep\tall-edit-types\t" + DT + "\t1",
            "Updates_only\tdeep\tupdate\t" + DT + "\t1",
            "Updates_only\tshallow\tall-edit-types\t" + DT + "\t1",
            "Updates_only\tshallow\tupdate\t" + DT + "\t1"),
        withPrefix(lines("edits_per_category_monthly"), "Updates_only"));
  }

  @Test
  void anonymousAndRedactedAreUsersAndOtherMonthsAreIgnored() {
    assertEquals(List.of(
            ":anonymous:\tall-edit-types\t" + DT + "\t1",
            ":anonymous:\tcreate\t" + DT + "\t1",
            ":redacted:\tall-edit-types\t" + DT + "\t2",
            ":redacted:\tupdate\t" + DT + "\t2",
            "Alice\tall-edit-types\t" + DT + "\t2",
            "Alice\tupdate\t" + DT + "\t2",
            "Bob\tall-edit-types\t" + DT + "\t1",
            "Bob\tupdate\t" + DT + "\t1",
            "Dora\tall-edit-types\t" + DT + "\t1",
            "Dora\tcreate\t" + DT + "\t1"),
        lines("edits_per_user_monthly"));
    assertEquals(List.of(
            "Edited_cat\tshallow\tall-edit-types\t2024\t2\t:anonymous:\t1\t2",
            "Edited_cat\tshallow\tall-edit-types\t2024\t2\t:redacted:\t2\t1",
            "Edited_cat\tshallow\tall-edit-types\t2024\t2\tAlice\t1\t2",
            "Edited_cat\tshallow\tall-edit-types\t2024\t2\tBob\t1\t2"),
        withPrefix(lines("top_editors_monthly"), "Edited_cat", "shallow", "all-edit-types"));
  }

  @Test
  void deepEditsAndDeepFilesFollowTheDeepSets() {
    assertEquals(List.of(
            "Parent\tdeep\tall-edit-types\t" + DT + "\t1",
            "Parent\tdeep\tcreate\t" + DT + "\t1"),
        withPrefix(lines("edits_per_category_monthly"), "Parent"));
    assertEquals(List.of(
            "Parent\tdeep\tall-edit-types\t2024\t2\tDora\t1\t1",
            "Parent\tdeep\tcreate\t2024\t2\tDora\t1\t1"),
        withPrefix(lines("top_editors_monthly"), "Parent"));
    assertTrue(withPrefix(lines("top_edited_categories_monthly"), "deep", "create").stream()
        .anyMatch(l -> l.contains("\tParent\t")));
    assertFalse(withPrefix(lines("top_edited_categories_monthly"), "shallow", "create").stream()
        .anyMatch(l -> l.contains("\tParent\t")));
    assertEquals(List.of(
            "Parent\tdeep\tall-wikis\t2024\t2\tChild.jpg\t30\t1",
            "Parent\tdeep\ten.wikipedia\t2024\t2\tChild.jpg\t30\t1"),
        withPrefix(lines("top_viewed_media_files_monthly"), "Parent"));
  }

  @Test
  void reportCountsTheRowsOfEveryTable() {
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) report.get("serving_row_counts");
    assertEquals(Tables.SERVING_TABLES, new ArrayList<>(counts.keySet()));
    for (String table : Tables.SERVING_TABLES) {
      assertEquals(lines(table).size(), counts.get(table).longValue(), table);
    }
  }

  /** Scale: each top list lets Spark cut groups to 100 rows (WindowGroupLimit) before ranking. */
  @Test
  void topListsUseAWindowGroupLimit() {
    Map<String, Object> parameters = ServingStage.parameters(MONTH);
    List<Dataset<Row>> views = ServingStage.registerIntermediates(session, parameters);
    try {
      for (String table : Tables.SERVING_TABLES) {
        if (!table.startsWith("top_")) {
          continue;
        }
        String plan = SqlScript.load("serving", table).run(session, parameters)
            .queryExecution().executedPlan().toString();
        assertTrue(plan.contains("WindowGroupLimit"), table + ":\n" + plan);
      }
    } finally {
      ServingStage.dropIntermediates(session, views);
    }
  }
}
