package org.commonsimpact.serving;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.commonsimpact.common.BaseTables;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;

/**
 * A small hand-built month for serving tests, described at the level of the model (categories,
 * files directly in them, deep sets, viewed pages, usage, edits) and turned into coherent rows of
 * the five base tables (SPEC §5) and of the two graph tables the serving stage reads. Lets each
 * serving rule be exercised without the graph and metrics stages.
 *
 * <p>Base rows follow SPEC §4–§5: a page's views count once per category however many of its
 * files it shows; pageview rows exist only for pages with views &gt; 0; deep sets always hold the
 * shallow ones. Array columns the serving stage does not read (parents, primaries) are empty.
 */
final class ServingWorld {
  /** One base-table row of commons_pageviews_per_category_monthly. */
  record CategoryPageviews(String category, String scope, String wiki, String page, long count) {}

  /** One base-table row of commons_pageviews_per_media_file_monthly. */
  record FilePageviews(String file, String wiki, String page, long count) {}

  /** One base-table row of commons_edits. */
  record Edit(String user, String type, String file, List<String> categories, Instant dt) {}

  /** A wiki page: (wiki, title). */
  record Page(String wiki, String title) {}

  final Month month;
  private final Set<String> categories = new LinkedHashSet<>();
  private final Map<String, Set<String>> fileCategories = new LinkedHashMap<>();
  private final Map<String, Set<String>> deep = new LinkedHashMap<>();
  private final Map<Page, Long> views = new LinkedHashMap<>();
  private final Map<String, Set<Page>> usage = new LinkedHashMap<>();
  private final List<Edit> edits = new ArrayList<>();

  ServingWorld(String month) {
    this.month = Month.parse(month);
  }

  ServingWorld category(String... titles) {
    for (String title : titles) {
      categories.add(title);
      deep.computeIfAbsent(title, t -> new TreeSet<>(SparkTestSupport::compareCodePoints));
    }
    return this;
  }

  /** A file directly in the given categories (which join the graph and hold it deeply too). */
  ServingWorld file(String title, String... directCategories) {
    category(directCategories);
    Set<String> set = fileCategories.computeIfAbsent(title,
        t -> new TreeSet<>(SparkTestSupport::compareCodePoints));
    for (String c : directCategories) {
      set.add(c);
      deep.get(c).add(title);
    }
    return this;
  }

  /** Files in Deep(category) without being directly in it. */
  ServingWorld deep(String category, String... files) {
    category(category);
    for (String f : files) {
      if (!fileCategories.containsKey(f)) {
        throw new IllegalArgumentException("unknown file " + f);
      }
      deep.get(category).add(f);
    }
    return this;
  }

  /** File {@code file} is shown on page (wiki, title), which had {@code pageViews} views. */
  ServingWorld use(String file, String wiki, String title, long pageViews) {
    if (!fileCategories.containsKey(file)) {
      throw new IllegalArgumentException("unknown file " + file);
    }
    Page page = new Page(wiki, title);
    Long known = views.putIfAbsent(page, pageViews);
    if (known != null && known != pageViews) {
      throw new IllegalArgumentException(page + " already has " + known + " views");
    }
    usage.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(page);
    return this;
  }

  /** An edit at {@code dt} ({@code yyyy-MM-ddTHH:mm:ssZ}). */
  ServingWorld edit(String user, String type, String file, String dt) {
    edits.add(new Edit(user, type, file, new ArrayList<>(fileCategories.get(file)),
        Instant.parse(dt)));
    return this;
  }

  Set<String> categories() {
    return categories;
  }

  Set<String> files() {
    return fileCategories.keySet();
  }

  Set<String> shallowFiles(String category) {
    Set<String> files = new TreeSet<>(SparkTestSupport::compareCodePoints);
    fileCategories.forEach((f, cs) -> {
      if (cs.contains(category)) {
        files.add(f);
      }
    });
    return files;
  }

  Set<String> deepFiles(String category) {
    return deep.get(category);
  }

  Set<String> filesOf(String category, String scope) {
    return scope.equals("shallow") ? shallowFiles(category) : deepFiles(category);
  }

  Set<Page> pagesOf(String file) {
    return usage.getOrDefault(file, Set.of());
  }

  List<Edit> edits() {
    return edits;
  }

  // ---- base-table rows ----

  List<CategoryPageviews> categoryPageviews() {
    List<CategoryPageviews> rows = new ArrayList<>();
    for (String c : categories) {
      for (String scope : List.of("shallow", "deep")) {
        Set<Page> pages = new LinkedHashSet<>();
        for (String f : filesOf(c, scope)) {
          pages.addAll(pagesOf(f));
        }
        for (Page p : pages) {
          if (views.get(p) > 0) {
            rows.add(new CategoryPageviews(c, scope, p.wiki(), p.title(), views.get(p)));
          }
        }
      }
    }
    return rows;
  }

  List<FilePageviews> filePageviews() {
    List<FilePageviews> rows = new ArrayList<>();
    for (String f : fileCategories.keySet()) {
      for (Page p : pagesOf(f)) {
        if (views.get(p) > 0) {
          rows.add(new FilePageviews(f, p.wiki(), p.title(), views.get(p)));
        }
      }
    }
    return rows;
  }

  /** The eight counts of SPEC §5.1 for a category, in column order. */
  long[] categoryCounts(String c) {
    long[] counts = new long[8];
    int i = 0;
    for (String scope : List.of("shallow", "deep")) {
      Set<String> files = filesOf(c, scope);
      Set<String> used = new TreeSet<>();
      Set<String> wikis = new TreeSet<>();
      Set<Page> pages = new LinkedHashSet<>();
      for (String f : files) {
        if (!pagesOf(f).isEmpty()) {
          used.add(f);
        }
        for (Page p : pagesOf(f)) {
          wikis.add(p.wiki());
          pages.add(p);
        }
      }
      counts[i] = files.size();
      counts[i + 2] = used.size();
      counts[i + 4] = wikis.size();
      counts[i + 6] = pages.size();
      i++;
    }
    return counts;
  }

  /** Usage counts of SPEC §5.2 for a file: leveraging wikis, leveraging pages. */
  long[] fileCounts(String f) {
    Set<String> wikis = new TreeSet<>();
    for (Page p : pagesOf(f)) {
      wikis.add(p.wiki());
    }
    return new long[] {wikis.size(), pagesOf(f).size()};
  }

  // ---- loading ----

  /** Appends this month to the five base tables and the two graph tables (creating them). */
  void appendTo(SparkSession session) {
    String ym = month.toString();
    List<String> none = List.of();
    List<Row> categoryMetrics = new ArrayList<>();
    for (String c : categories) {
      long[] n = categoryCounts(c);
      categoryMetrics.add(RowFactory.create(c, none, none, (int) n[0], (int) n[1], (int) n[2],
          (int) n[3], (int) n[4], (int) n[5], (int) n[6], (int) n[7], ym));
    }
    List<Row> fileMetrics = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : fileCategories.entrySet()) {
      long[] n = fileCounts(e.getKey());
      fileMetrics.add(RowFactory.create(e.getKey(), "BITMAP", new ArrayList<>(e.getValue()), none,
          (int) n[0], (int) n[1], ym));
    }
    List<Row> categoryViews = new ArrayList<>();
    for (CategoryPageviews r : categoryPageviews()) {
      categoryViews.add(RowFactory.create(r.category(), r.scope(), none, r.wiki(), r.page(),
          r.count(), ym));
    }
    List<Row> fileViews = new ArrayList<>();
    for (FilePageviews r : filePageviews()) {
      fileViews.add(RowFactory.create(r.file(), new ArrayList<>(fileCategories.get(r.file())),
          none, r.wiki(), r.page(), r.count(), ym));
    }
    List<Row> editRows = new ArrayList<>();
    for (Edit e : edits) {
      editRows.add(RowFactory.create(e.user(), e.type(), e.file(), e.categories(), none,
          Timestamp.from(e.dt())));
    }
    append(session, Tables.CATEGORY_METRICS, categoryMetrics);
    append(session, Tables.MEDIA_FILE_METRICS, fileMetrics);
    append(session, Tables.PAGEVIEWS_PER_CATEGORY, categoryViews);
    append(session, Tables.PAGEVIEWS_PER_MEDIA_FILE, fileViews);
    append(session, Tables.EDITS, editRows);

    // Graph rows and membership by page id, as the graph stage writes them.
    GraphInputs.createIfMissing(session);
    Map<String, Long> categoryIds = new LinkedHashMap<>();
    Map<String, Long> fileIds = new LinkedHashMap<>();
    List<Row> graph = new ArrayList<>();
    for (String c : categories) {
      categoryIds.put(c, 1L + categoryIds.size());
      graph.add(RowFactory.create(categoryIds.get(c), c, "category", false, 0, none, none, ym));
    }
    for (String f : fileCategories.keySet()) {
      fileIds.put(f, 1_000_000L + fileIds.size());
      graph.add(RowFactory.create(fileIds.get(f), f, "file", false, 1,
          new ArrayList<>(fileCategories.get(f)), none, ym));
    }
    List<Row> membership = new ArrayList<>();
    for (String c : categories) {
      for (String f : deep.get(c)) {
        membership.add(RowFactory.create(categoryIds.get(c), fileIds.get(f),
            fileCategories.get(f).contains(c), ym));
      }
    }
    append(session, Tables.CATEGORY_GRAPH, graph, session.table(Tables.CATEGORY_GRAPH).schema());
    append(session, Tables.CATEGORY_FILE_MEMBERSHIP, membership,
        session.table(Tables.CATEGORY_FILE_MEMBERSHIP).schema());
  }

  /**
   * Replaces this month's rows of every input table with this world (for re-run tests): deletes
   * the month, then appends.
   */
  void replaceIn(SparkSession session) {
    for (String table : Tables.BASE_TABLES) {
      BaseTables.createIfMissing(session, table);
      session.sql("DELETE FROM " + Tables.commons(table) + " WHERE "
          + BaseTables.monthFilter(table, month));
    }
    GraphInputs.createIfMissing(session);
    session.sql("DELETE FROM " + Tables.CATEGORY_GRAPH + " WHERE year_month = '" + month + "'");
    session.sql("DELETE FROM " + Tables.CATEGORY_FILE_MEMBERSHIP + " WHERE year_month = '"
        + month + "'");
    appendTo(session);
  }

  private static void append(SparkSession session, String table, List<Row> rows) {
    BaseTables.createIfMissing(session, table);
    append(session, Tables.commons(table), rows,
        StructType.fromDDL(String.join(", ", BaseTables.columns(table))));
  }

  private static void append(SparkSession session, String qualifiedName, List<Row> rows,
      StructType schema) {
    try {
      session.createDataFrame(rows, schema).writeTo(qualifiedName).append();
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException(e);
    }
  }
}
