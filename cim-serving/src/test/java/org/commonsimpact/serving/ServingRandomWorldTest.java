package org.commonsimpact.serving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random month built so that every top list has groups of more than 100 candidates with
 * counts from a narrow range (ties straddling row 100), names across the code point range (ASCII,
 * Latin-1, BMP full-width, supplementary), pages without views, deep sets larger than shallow ones,
 * :anonymous:/:redacted: editors and edits just outside the month. All fourteen tables must equal
 * {@link ServingOracle}'s answer. The seed can be changed with {@code -Dcim.serving.seed=N}.
 */
class ServingRandomWorldTest {
  private static final String[] PREFIXES =
      {"a", "B", "Z", "_", "é", "É", "\uFF21", "\uD835\uDD38"};

  @TempDir Path tempDir;

  @Test
  void randomWorldMatchesTheOracle() {
    long seed = Long.getLong("cim.serving.seed", 20240229L);
    ServingWorld world = build("2024-02", seed);
    ServingOracle oracle = new ServingOracle(world);
    oracle.tables();
    // The world really exercises the cut: per top table, full lists and ties across row 100.
    for (String table : List.of("top_pages_per_category_monthly",
        "top_pages_per_media_file_monthly", "top_wikis_per_category_monthly",
        "top_wikis_per_media_file_monthly", "top_viewed_categories_monthly",
        "top_viewed_media_files_monthly", "top_edited_categories_monthly",
        "top_editors_monthly")) {
      assertTrue(oracle.fullLists().getOrDefault(table, 0) > 0, "full list in " + table);
      assertTrue(oracle.cutTies().getOrDefault(table, 0) > 0,
          "tie across row 100 in " + table + " (seed " + seed + ")");
    }
    SparkSession session = SparkTestSupport.freshSession(tempDir);
    world.appendTo(session);
    ServingTestSupport.runStage(session, world.month);
    ServingTestSupport.assertMatchesOracle(session, world);
  }

  static String name(Random random, String kind, int i) {
    return PREFIXES[random.nextInt(PREFIXES.length)] + kind + i;
  }

  /** The random month; same seed, same world. */
  static ServingWorld build(String month, long seed) {
    Random random = new Random(seed);
    ServingWorld world = new ServingWorld(month);
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < 125; i++) {
      categories.add(name(random, "_cat_", i));
    }
    List<String> wikis = new ArrayList<>();
    for (int i = 0; i < 115; i++) {
      wikis.add(name(random, "wiki", i) + ".wikipedia");
    }
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String file = name(random, "_file_", i) + ".jpg";
      files.add(file);
      Set<String> direct = new TreeSet<>();
      direct.add(categories.get(random.nextInt(categories.size())));
      if (random.nextBoolean()) {
        direct.add(categories.get(random.nextInt(categories.size())));
      }
      if (i < 130) {
        direct.add("Big");
      }
      world.file(file, direct.toArray(new String[0]));
    }
    world.category(categories.toArray(new String[0]));
    // Deep sets beyond the shallow ones; Big_parent holds all of Big's files deeply.
    for (String c : categories) {
      int extra = random.nextInt(25);
      for (int k = 0; k < extra; k++) {
        world.deep(c, files.get(random.nextInt(files.size())));
      }
    }
    world.deep("Big_parent", files.subList(0, 150).toArray(new String[0]));

    Map<List<String>, Long> views = new HashMap<>();
    // Ordinary usage: a few pages on the eight busiest wikis, 0 to 3 views.
    for (String file : files) {
      int uses = random.nextInt(5);
      for (int u = 0; u < uses; u++) {
        String wiki = wikis.get(random.nextInt(8));
        String title = name(random, "_page_", random.nextInt(300));
        use(world, views, file, wiki, title, random.nextInt(4));
      }
    }
    // Big's files: each on one page of wikis[0] with 1 to 3 views (top files of Big > 100).
    for (int i = 0; i < 130; i++) {
      use(world, views, files.get(i), wikis.get(0), "Big_page_" + i, 1 + random.nextInt(3));
    }
    // One file on 140 pages of one wiki, one file on every wiki: top pages and top wikis > 100.
    world.file("Popular.jpg", "Popular");
    for (int i = 0; i < 140; i++) {
      use(world, views, "Popular.jpg", wikis.get(1), name(random, "_popular_", i),
          1 + random.nextInt(4));
    }
    world.file("Spread.jpg", "Spread");
    for (String wiki : wikis) {
      use(world, views, "Spread.jpg", wiki, "Spread_" + random.nextInt(3), 1 + random.nextInt(3));
    }
    // Edits: half on Big's files, by 140 users including the two special ones.
    List<String> users = new ArrayList<>(List.of(":anonymous:", ":redacted:"));
    for (int i = 0; i < 138; i++) {
      users.add(name(random, "_user_", i));
    }
    for (int e = 0; e < 1500; e++) {
      String file = random.nextBoolean()
          ? files.get(random.nextInt(130)) : files.get(random.nextInt(files.size()));
      String type = random.nextInt(3) == 0 ? "create" : "update";
      String user = users.get(random.nextInt(users.size()));
      String dt = String.format("2024-02-%02dT%02d:%02d:00Z", 1 + random.nextInt(29),
          random.nextInt(24), random.nextInt(60));
      world.edit(user, type, file, dt);
    }
    for (int e = 0; e < 20; e++) {
      String dt = e % 2 == 0 ? "2024-01-31T23:59:59Z" : "2024-03-01T00:00:00Z";
      world.edit(users.get(e), "update", files.get(e), dt);
    }
    return world;
  }

  private static void use(ServingWorld world, Map<List<String>, Long> views, String file,
      String wiki, String title, long count) {
    long pageViews = views.computeIfAbsent(List.of(wiki, title), k -> count);
    world.use(file, wiki, title, pageViews);
  }
}
