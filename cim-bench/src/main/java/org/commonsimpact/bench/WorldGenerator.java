package org.commonsimpact.bench;

import static org.commonsimpact.bench.SqlRandom.lit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.commonsimpact.common.Progress;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.Tables;

/**
 * Writes a Commons-shaped synthetic world, the nine source tables of SPEC §2.1, directly as
 * Iceberg tables, plus the allow-list that goes with it. It exists to measure the pipeline at
 * scale (issue 9): the real inputs are far too large to copy, and hand-written fixtures are far too
 * small to show superlinear costs or skew.
 *
 * <p>Every table is computed in parallel by Spark from {@code range} rows; every random choice is
 * a hash of the seed, a draw name and the row's key ({@link SqlRandom}), so the same seed gives the
 * same rows whatever the partitioning or the number of cores. Deduplicated tables keep a
 * deterministic representative (GROUP BY with {@code min}), and {@code mediawiki_linktarget}'s
 * file targets are derived from the written {@code mediawiki_imagelinks}.
 *
 * <p>Shape (per unit of scale, see {@link WorldPlan}): 40,000 categories in a preferential-attachment
 * hierarchy (parent of category c drawn as {@code floor(c * u^2)}, so fan-out follows a power law
 * and a few categories have hundreds of children), 30% with a second parent (overlapping trees),
 * about 0.4% closing a 3-cycle back to a young grandparent (one with a small sub-tree, so that deep
 * membership stays linear in the scale), 0.2% self-loops, 10 chains of 12 categories
 * below primaries (depth 12 &gt; 7; chain 0 closes a cycle through primary 1, chain 1 makes primary
 * 3 a descendant of primary 2); 100,000 files in 1 to 4 categories each with power-law category
 * sizes; links to missing category pages and link targets in wrong namespaces; 80,000 articles over
 * 260 wikis by Zipf rank (Commons galleries and Wikidata items among them, whose usage never
 * counts, and a wiki missing from {@code wikis}); 100,000 usage rows with Zipf-popular files;
 * 220,000 hourly pageview rows with Zipf-popular pages over every day of the month (1% of rows in
 * each neighbouring month); 120,000 revisions over 16 months with boundary seconds, duplicates and
 * {@code rev_deleted} bits; 10,000 actors, 15% unregistered. With {@code mega}, a category tree
 * whose files are used on 1,250,000 distinct pages per unit of scale (5,000,000 at scale 4).
 */
public final class WorldGenerator {
  /** Default target rows per Spark partition of the generating {@code range}s. */
  public static final long DEFAULT_ROWS_PER_PARTITION = 250_000;

  private static final String COMMONS = "commonswiki";
  /** 3-cycles close only on grandparents with a key of at least chainBase / this. */
  static final long CYCLE_TOP_FRACTION = 8;
  private static final long DAY = 86_400L;

  private final SparkSession session;
  private final WorldPlan plan;
  private final SqlRandom r;
  private final long rowsPerPartition;
  private final String snap;
  private final int hostCount = Vocabulary.HOSTS.size();
  private final int commonsHost = Vocabulary.HOSTS.indexOf(Vocabulary.COMMONS);
  private final int wikidataHost = Vocabulary.HOSTS.indexOf(Vocabulary.WIKIDATA);

  public WorldGenerator(SparkSession session, WorldPlan plan) {
    this(session, plan, DEFAULT_ROWS_PER_PARTITION);
  }

  /** As above, with the rows per generating partition (changing it must not change the world). */
  public WorldGenerator(SparkSession session, WorldPlan plan, long rowsPerPartition) {
    this.session = session;
    this.plan = plan;
    this.r = new SqlRandom(plan.seed);
    this.rowsPerPartition = Math.max(1, rowsPerPartition);
    this.snap = lit(plan.month.snapshot());
  }

  /** Writes the nine tables and the allow-list; returns rows per table and timings. */
  public WorldSummary generate(Path allowListOut) {
    long started = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Progress.step("generate", "{}", plan);
    writeWikis(rows, seconds);
    // File link targets are derived from the usage rows, so imagelinks is written before them.
    for (SourceTables table : List.of(SourceTables.MEDIAWIKI_PAGE,
        SourceTables.MEDIAWIKI_CATEGORYLINKS, SourceTables.MEDIAWIKI_IMAGELINKS,
        SourceTables.MEDIAWIKI_LINKTARGET, SourceTables.MEDIAWIKI_IMAGE,
        SourceTables.MEDIAWIKI_REVISION, SourceTables.MEDIAWIKI_ACTOR,
        SourceTables.PAGEVIEW_HOURLY)) {
      write(table, tableSql(table), rows, seconds);
    }
    AllowListWriter.Result allowList = new AllowListWriter(session, plan).write(allowListOut);
    double total = (System.nanoTime() - started) / 1e9;
    WorldSummary summary = new WorldSummary(plan, rows, seconds, total, allowListOut,
        allowList.entries(), allowList.notFound());
    Progress.step("generate", "done: {} rows in {} s", summary.totalRows(),
        String.format("%.1f", total));
    return summary;
  }

  private void write(SourceTables table, String sql, Map<String, Long> rows,
      Map<String, Double> seconds) {
    long started = System.nanoTime();
    String view = "cim_generate_" + table.tableName();
    session.sql(sql).createOrReplaceTempView(view);
    String partitioning =
        table.partitionColumns().isEmpty()
            ? ""
            : " PARTITIONED BY (" + String.join(", ", table.partitionColumns()) + ")";
    // A global sort instead of Iceberg's hash distribution: big partitions (enwiki, the month of
    // pageviews) are split over several files, as in real data, and small ones are not scattered.
    session.sql("CREATE OR REPLACE TABLE " + table.qualifiedName() + " USING iceberg"
        + partitioning + " TBLPROPERTIES ('write.distribution-mode' = 'none') AS SELECT * FROM "
        + view + " ORDER BY " + sortOrder(table));
    session.catalog().dropTempView(view);
    long count = session.sql("SELECT count(*) FROM " + table.qualifiedName()).first().getLong(0);
    double took = (System.nanoTime() - started) / 1e9;
    rows.put(table.tableName(), count);
    seconds.put(table.tableName(), took);
    Progress.step("generate", "{}: {} rows in {} s", table.qualifiedName(), count,
        String.format("%.1f", took));
  }

  /**
   * The query of a table's rows, with exactly the table's column names, order and types ({@code
   * wikis} excepted: it is written from a local list). Linktarget's query reads the written
   * imagelinks table.
   */
  String tableSql(SourceTables table) {
    switch (table) {
      case MEDIAWIKI_PAGE:
        return typed(table, pageSql());
      case MEDIAWIKI_CATEGORYLINKS:
        return typed(table, categorylinksSql());
      case MEDIAWIKI_IMAGELINKS:
        return typed(table, imagelinksSql());
      case MEDIAWIKI_LINKTARGET:
        return typed(table, linktargetSql());
      case MEDIAWIKI_IMAGE:
        return typed(table, imageSql());
      case MEDIAWIKI_REVISION:
        return typed(table, revisionSql());
      case MEDIAWIKI_ACTOR:
        return typed(table, actorSql());
      case PAGEVIEW_HOURLY:
        return typed(table, pageviewSql());
      default:
        throw new IllegalArgumentException(table.tableName());
    }
  }

  /** The columns each table's files are sorted by: partition columns, then the MediaWiki key. */
  static String sortOrder(SourceTables table) {
    switch (table) {
      case MEDIAWIKI_PAGE:
        return "snapshot, wiki_db, page_id";
      case MEDIAWIKI_CATEGORYLINKS:
        return "snapshot, wiki_db, cl_from, cl_target_id";
      case MEDIAWIKI_LINKTARGET:
        return "snapshot, wiki_db, lt_id";
      case MEDIAWIKI_IMAGELINKS:
        return "snapshot, wiki_db, il_from, il_target_id";
      case MEDIAWIKI_IMAGE:
        return "snapshot, wiki_db, img_name";
      case MEDIAWIKI_REVISION:
        return "snapshot, wiki_db, rev_id";
      case MEDIAWIKI_ACTOR:
        return "snapshot, wiki_db, actor_id";
      case PAGEVIEW_HOURLY:
        return "year, month, day, hour";
      default:
        return "database_code";
    }
  }

  /** Wraps a query so its columns have exactly the table's names, order and types. */
  private static String typed(SourceTables table, String sql) {
    StringJoiner columns = new StringJoiner(", ");
    for (StructField field : table.schema().fields()) {
      columns.add("CAST(" + field.name() + " AS " + field.dataType().sql() + ") AS " + field.name());
    }
    return "SELECT " + columns + " FROM (" + sql + ")";
  }

  private String range(long start, long end) {
    long n = Math.max(0, end - start);
    long parts = Math.max(1, Math.min(400, (n + rowsPerPartition - 1) / rowsPerPartition));
    return "range(" + start + "L, " + end + "L, 1L, " + parts + ")";
  }

  private static String unionAll(List<String> parts) {
    StringJoiner sql = new StringJoiner(" UNION ALL ");
    parts.forEach(p -> sql.add("(" + p + ")"));
    return sql.toString();
  }

  // ---- titles and shared draws ------------------------------------------------------------

  /** Title of the category with key k. */
  String categoryTitle(String k) {
    return "(CASE WHEN " + k + " >= " + WorldPlan.MEGA_CATEGORY_KEY + "L THEN IF(" + k + " = "
        + WorldPlan.MEGA_CATEGORY_KEY + "L, 'Mega_collection_of_Ærø', concat("
        + "'Mega_collection_of_Ærø,_part_', " + k + " - " + WorldPlan.MEGA_CATEGORY_KEY + "L))"
        + " ELSE concat(" + r.pick("ct1", k, Vocabulary.SUBJECTS) + ", '_', "
        + r.pick("ct2", k, Vocabulary.CONNECTORS) + ", '_', "
        + r.pick("ct3", k, Vocabulary.PLACES) + ", '_(', conv(" + k + ", 10, 36), ')') END)";
  }

  /** Bucket of a regular file's media type, which also fixes its extension. */
  private String mediaDraw(String g) {
    return r.u("media", g);
  }

  private static final double[] MEDIA_BOUNDS = {0.62, 0.72, 0.76, 0.86, 0.91, 0.94, 0.97, 1.01};
  private static final String[] MEDIA_EXT = {"jpg", "png", "tif", "svg", "webm", "ogg", "pdf", "gif"};
  private static final String[] MEDIA_TYPE =
      {"BITMAP", "BITMAP", "BITMAP", "DRAWING", "VIDEO", "AUDIO", "OFFICE", "BITMAP"};

  private String mediaCase(String g, String[] values) {
    StringBuilder sql = new StringBuilder("(CASE");
    String u = mediaDraw(g);
    for (int i = 0; i < MEDIA_BOUNDS.length - 1; i++) {
      sql.append(" WHEN ").append(u).append(" < ").append(MEDIA_BOUNDS[i]).append("D THEN ")
          .append(lit(values[i]));
    }
    return sql.append(" ELSE ").append(lit(values[values.length - 1])).append(" END)").toString();
  }

  /** Title of the file with index g (regular, mega or local-only). */
  String fileTitle(String g) {
    return "(CASE WHEN " + g + " >= " + WorldPlan.MEGA_FILE_G + "L THEN concat('Mega_', "
        + r.pick("mfw", g, Vocabulary.FILE_WORDS) + ", '_', " + g + " - " + WorldPlan.MEGA_FILE_G
        + "L, '.jpg') WHEN " + g + " >= " + WorldPlan.LOCAL_FILE_G + "L THEN concat('Local_', "
        + r.pick("lfw", g, Vocabulary.FILE_WORDS) + ", '_', " + g + " - " + WorldPlan.LOCAL_FILE_G
        + "L, '.jpg') ELSE concat(" + r.pick("fw", g, Vocabulary.FILE_WORDS) + ", '_', "
        + r.pick("fp", g, Vocabulary.PLACES) + ", '_', conv(" + g + ", 10, 36), '.', "
        + mediaCase(g, MEDIA_EXT) + ") END)";
  }

  /** A regular file index, half Zipf-popular (scrambled ranks), half uniform. */
  private String fileChoice(String tag, String key) {
    return "IF(" + r.chance(tag + "z", key, 0.5) + ", pmod(" + r.zipf(tag, key, plan.files)
        + " * " + plan.fileScramble + "L + " + plan.offset + "L, " + plan.files + "L), "
        + r.uniform(tag + "u", key, plan.files) + ")";
  }

  /** Index in {@link Vocabulary#HOSTS} of the wiki hosting article j. */
  private String articleHost(String j) {
    return r.zipf("host", j, hostCount);
  }

  /** Article j's page id on host h. */
  private String articlePageId(String j, String h) {
    return "(IF(" + h + " = " + commonsHost + ", " + WorldPlan.GALLERY_BASE + "L, 0L) + 1 + " + j
        + ")";
  }

  private String articleTitle(String j, String h) {
    return "(IF(" + h + " = " + wikidataHost + ", concat('Q', " + j + " + 1), concat("
        + r.pick("aw", j, Vocabulary.ARTICLE_WORDS) + ", '_', "
        + r.pick("ap", j, Vocabulary.PLACES) + ", '_', " + j + " + 1)))";
  }

  /** The article at popularity rank k (the same bijection for usage and views). */
  private String articleAtRank(String rank) {
    return "pmod(" + rank + " * " + plan.articleScramble + "L + " + plan.offset + "L, "
        + plan.articles + "L)";
  }

  /** Index in {@link Vocabulary#COUNTED_HOSTS} of mega page m's wiki: half on the largest. */
  private String megaHost(String m) {
    return "IF(" + r.chance("mw", m, 0.5) + ", 0L, "
        + r.zipf("mwz", m, Vocabulary.COUNTED_HOSTS.size()) + ")";
  }

  private String megaTitle(String m) {
    return "concat('Mega_page_', " + r.pick("mp", m, Vocabulary.PLACES) + ", '_', " + m + " + 1)";
  }

  private static String dbAt(List<Vocabulary.Wiki> wikis, String index) {
    return "element_at(" + SqlRandom.array(Vocabulary.dbs(wikis)) + ", CAST(" + index
        + " AS INT) + 1)";
  }

  private static String projectAt(List<Vocabulary.Wiki> wikis, String index) {
    return "element_at(" + SqlRandom.array(Vocabulary.projects(wikis)) + ", CAST(" + index
        + " AS INT) + 1)";
  }

  /** A regular category key, power-law sized (scrambled so big ones are spread over the tree). */
  private String categoryByFiles(String tag, String key) {
    return "pmod(" + r.power(tag, key, plan.chainBase, 3.0) + " * " + plan.categoryScramble + "L + "
        + plan.offset + "L, " + plan.chainBase + "L)";
  }

  /** The first parent of regular category c (c &ge; 1): preferential towards old categories. */
  String parentOf(String c) {
    return "CAST(FLOOR(" + c + " * POW(" + r.u("par", c) + ", 2.0D)) AS BIGINT)";
  }

  // ---- tables ----------------------------------------------------------------------------------

  private void writeWikis(Map<String, Long> rows, Map<String, Double> seconds) {
    List<Row> data = new ArrayList<>();
    for (Vocabulary.Wiki wiki : Vocabulary.WIKIS_TABLE) {
      data.add(RowFactory.create(wiki.db(), wiki.domain()));
    }
    String view = "cim_generate_wikis_rows";
    session.createDataFrame(data, SourceTables.WIKIS.schema()).createOrReplaceTempView(view);
    write(SourceTables.WIKIS, typed(SourceTables.WIKIS, "SELECT * FROM " + view), rows, seconds);
    session.catalog().dropTempView(view);
  }

  String pageSql() {
    List<String> parts = new ArrayList<>();
    String cat = "SELECT " + lit(COMMONS) + " AS wiki_db, " + snap + " AS snapshot, id + 1 AS page_id, "
        + "14 AS page_namespace, " + categoryTitle("id") + " AS page_title, false AS page_is_redirect"
        + " FROM ";
    parts.add(cat + range(0, plan.categories));
    String file = "SELECT " + lit(COMMONS) + ", " + snap + ", " + (WorldPlan.FILE_PAGE_BASE + 1)
        + "L + id, 6, " + fileTitle("id") + ", " + r.chance("fredir", "id", 0.005) + " FROM ";
    parts.add(file + range(0, plan.files));
    parts.add("SELECT " + dbAt(Vocabulary.HOSTS, "h") + ", " + snap + ", " + articlePageId("j", "h")
        + ", 0, " + articleTitle("j", "h") + ", " + r.chance("aredir", "j", 0.03)
        + " FROM (SELECT id AS j, " + articleHost("id") + " AS h FROM "
        + range(0, plan.articles) + ")");
    parts.add("SELECT " + dbAt(Vocabulary.HOSTS, "h") + ", " + snap + ", "
        + (WorldPlan.TEMPLATE_BASE + 1) + "L + x, 10, concat('Infobox_', "
        + r.pick("tw", "x", Vocabulary.SUBJECTS) + ", '_', x + 1), false FROM (SELECT id AS x, "
        + r.zipf("th", "id", hostCount) + " AS h FROM " + range(0, plan.templates) + ")");
    if (plan.mega) {
      parts.add(cat + range(WorldPlan.MEGA_CATEGORY_KEY,
          WorldPlan.MEGA_CATEGORY_KEY + plan.megaCategories));
      parts.add(file + range(WorldPlan.MEGA_FILE_G, WorldPlan.MEGA_FILE_G + plan.megaFiles));
      parts.add("SELECT " + dbAt(Vocabulary.COUNTED_HOSTS, megaHost("id")) + ", " + snap + ", "
          + (WorldPlan.MEGA_PAGE_BASE + 1) + "L + id, 0, " + megaTitle("id") + ", false FROM "
          + range(0, plan.megaPages));
    }
    return unionAll(parts);
  }

  String categorylinksSql() {
    long chainBase = plan.chainBase;
    long filePage = WorldPlan.FILE_PAGE_BASE + 1;
    List<String> parts = new ArrayList<>();
    // Hierarchy of regular categories: first parent, second parent, 3-cycles, self-loops.
    parts.add("SELECT id + 1 AS cl_from, " + parentOf("id") + " + 1 AS cl_target_id, "
        + "'subcat' AS cl_type FROM " + range(1, chainBase));
    parts.add("SELECT c + 1, p2 + 1, 'subcat' FROM (SELECT id AS c, " + parentOf("id")
        + " AS p1, CAST(FLOOR(id * POW(" + r.u("par2", "id") + ", 1.5D)) AS BIGINT) AS p2 FROM "
        + range(2, chainBase) + " WHERE " + r.chance("extra", "id", 0.3) + ") WHERE p2 <> p1");
    // A 3-cycle puts its grandparent's whole sub-tree in the deep set of the cycle's categories,
    // and cycles can chain upwards; so they are only closed below young grandparents (key at least
    // chainBase / 8), whose sub-trees have a few categories at any scale. Cycles through old,
    // huge categories would make deep membership grow with the square of the scale (SPEC §3).
    parts.add("SELECT gp + 1, c + 1, 'subcat' FROM (SELECT c, p, " + parentOf("p") + " AS gp FROM "
        + "(SELECT id AS c, " + parentOf("id") + " AS p FROM " + range(2, chainBase) + " WHERE "
        + r.chance("back", "id", 0.03) + ")) WHERE p >= 1 AND gp >= "
        + Math.max(4, chainBase / CYCLE_TOP_FRACTION) + "L");
    parts.add("SELECT id + 1, id + 1, 'subcat' FROM " + range(0, chainBase) + " WHERE "
        + r.chance("self", "id", 0.002));
    // Deep chains below primaries, and the cycles / cross links they close.
    String anchor = "(CASE WHEN k = 0 THEN 1L WHEN k = 1 THEN 2L ELSE "
        + plan.smallPrimarySql("pmod(k - 2, " + plan.smallPrimaries + "L)") + " END)";
    parts.add("SELECT q + 1, IF(i = 0, " + anchor + ", q - 1) + 1, 'subcat' FROM (SELECT id AS q, "
        + "(id - " + chainBase + "L) DIV " + WorldPlan.CHAIN_LENGTH + " AS k, pmod(id - "
        + chainBase + "L, " + WorldPlan.CHAIN_LENGTH + ") AS i FROM "
        + range(chainBase, plan.categories) + ")");
    parts.add("SELECT " + anchor + " + 1, " + (chainBase + 1 + 3) + "L + k * "
        + WorldPlan.CHAIN_LENGTH + ", 'subcat' FROM (SELECT id AS k FROM "
        + range(0, plan.chains) + ") WHERE k % 2 = 0");
    parts.add("SELECT 4L, " + (chainBase + WorldPlan.CHAIN_LENGTH + 2 + 1) + "L, 'subcat'");
    // Files: 1 to 4 categories each, power-law category sizes; the first files fill the chains.
    long chainCategories = plan.categories - chainBase;
    parts.add("SELECT " + filePage + "L + f, cat + 1, 'file' FROM (SELECT f, s, IF(s = 0 AND f < "
        + (2 * chainCategories) + "L, " + chainBase + "L + pmod(f, " + chainCategories + "L), "
        + categoryByFiles("fc", "id") + ") AS cat, 1 + IF(" + r.u("fk", "f") + " < 0.35D, 1, 0) + IF("
        + r.u("fk", "f") + " < 0.12D, 1, 0) + IF(" + r.u("fk", "f") + " < 0.04D, 1, 0) AS k FROM "
        + "(SELECT id, id DIV 4 AS f, pmod(id, 4) AS s FROM " + range(0, 4 * plan.files)
        + ")) WHERE s < k");
    // Links to category pages that do not exist, and to link targets in other namespaces.
    String someCategoryOrFile = "IF(" + r.chance("oddk", "x", 0.5) + ", " + r.uniform("oddc", "x",
        plan.categories) + " + 1, " + filePage + "L + " + r.uniform("oddf", "x", plan.files) + ")";
    String oddType = "IF(" + r.chance("oddk", "x", 0.5) + ", 'subcat', 'file')";
    parts.add("SELECT " + someCategoryOrFile + ", " + (WorldPlan.MISSING_LT_BASE + 1) + "L + pmod(x, "
        + plan.missingTargets + "L), " + oddType + " FROM (SELECT id AS x FROM "
        + range(0, 2 * plan.missingTargets) + ")");
    parts.add("SELECT " + someCategoryOrFile + ", " + (WorldPlan.WRONG_NS_LT_BASE + 1) + "L + x, "
        + oddType + " FROM (SELECT id AS x FROM " + range(0, plan.wrongNamespaceTargets) + ")");
    // 'subcat' rows from file pages, 'file' rows from no page, 'page' rows from galleries.
    parts.add("SELECT " + filePage + "L + " + r.uniform("sff", "id", plan.files) + ", "
        + r.uniform("sfc", "id", plan.chainBase) + " + 1, 'subcat' FROM " + range(0, plan.oddLinks));
    parts.add("SELECT " + (WorldPlan.NO_PAGE_CL_FROM + 1) + "L + id, "
        + r.uniform("npc", "id", plan.chainBase) + " + 1, 'file' FROM " + range(0, plan.oddLinks));
    parts.add("SELECT " + (WorldPlan.GALLERY_BASE + 1) + "L + " + r.uniform("gp", "id", plan.articles)
        + ", " + r.uniform("gc", "id", plan.chainBase) + " + 1, 'page' FROM "
        + range(0, 4 * plan.oddLinks));
    List<String> commonsParts = new ArrayList<>(parts);
    if (plan.mega) {
      long megaKey = WorldPlan.MEGA_CATEGORY_KEY;
      commonsParts.add("SELECT " + (megaKey + 1) + "L, 2L, 'subcat'");
      commonsParts.add("SELECT id + 1, " + megaKey + "L + (id - " + megaKey + "L - 1) DIV 3 + 1, "
          + "'subcat' FROM " + range(megaKey + 1, megaKey + plan.megaCategories));
      String g = "id";
      commonsParts.add("SELECT " + WorldPlan.FILE_PAGE_BASE + "L + 1 + " + g + ", " + megaKey
          + "L + pmod(" + g + ", " + plan.megaCategories + "L) + 1, 'file' FROM "
          + range(WorldPlan.MEGA_FILE_G, WorldPlan.MEGA_FILE_G + plan.megaFiles));
      commonsParts.add("SELECT " + WorldPlan.FILE_PAGE_BASE + "L + 1 + id, "
          + categoryByFiles("mfc", "id") + " + 1, 'file' FROM "
          + range(WorldPlan.MEGA_FILE_G, WorldPlan.MEGA_FILE_G + plan.megaFiles) + " WHERE "
          + r.chance("mfx", "id", 0.1));
    }
    String commons = "SELECT " + lit(COMMONS) + " AS wiki_db, cl_from, cl_target_id, cl_type FROM ("
        + unionAll(commonsParts) + ")";
    // Category links of another wiki: never read by the graph (SPEC §9).
    String other = "SELECT 'enwiki', 1 + id, 1 + " + r.uniform("ewc", "id", plan.files)
        + ", 'subcat' FROM " + range(0, plan.oddLinks);
    // One row per MediaWiki key (cl_from, cl_target_id); the smallest type wins on a clash.
    return "SELECT wiki_db, " + snap + " AS snapshot, cl_from, cl_target_id, min(cl_type) AS cl_type"
        + " FROM (" + unionAll(List.of(commons, other)) + ") GROUP BY wiki_db, cl_from, cl_target_id";
  }

  String imagelinksSql() {
    List<String> usage = new ArrayList<>();
    usage.add("SELECT " + dbAt(Vocabulary.HOSTS, "h") + " AS wiki_db, IF("
        + r.chance("ilnp", "i", 0.005) + ", " + (WorldPlan.NO_PAGE_IL_FROM + 1) + "L + i, "
        + articlePageId("j", "h") + ") AS il_from, 0 AS il_from_namespace, IF("
        + r.chance("illoc", "i", 0.01) + ", " + WorldPlan.LOCAL_FILE_G + "L + "
        + r.uniform("illx", "i", plan.localFiles) + ", " + fileChoice("ilf", "i") + ") AS g FROM ("
        + "SELECT i, j, " + articleHost("j") + " AS h FROM (SELECT id AS i, "
        + articleAtRank(r.power("ilj", "id", plan.articles, 1.5)) + " AS j FROM "
        + range(0, plan.imagelinks) + "))");
    usage.add("SELECT " + dbAt(Vocabulary.HOSTS, r.zipf("th", "id", hostCount)) + ", "
        + (WorldPlan.TEMPLATE_BASE + 1) + "L + id, 10, " + fileChoice("tf", "id") + " FROM "
        + range(0, plan.templates));
    String regular = "SELECT wiki_db, il_from, min(il_from_namespace) AS il_from_namespace, g FROM ("
        + unionAll(usage) + ") GROUP BY wiki_db, il_from, g";
    List<String> all = new ArrayList<>(List.of(regular));
    if (plan.mega) {
      // Each mega page shows one mega file (Zipf-skewed), a fifth a second, distinct one.
      String first = r.zipf("mf", "m", plan.megaFiles);
      all.add("SELECT " + dbAt(Vocabulary.COUNTED_HOSTS, megaHost("m")) + ", "
          + (WorldPlan.MEGA_PAGE_BASE + 1) + "L + m, 0, " + WorldPlan.MEGA_FILE_G + "L + IF(s = 0, "
          + first + ", pmod(" + first + " + 1 + " + r.uniform("mf2", "m", plan.megaFiles - 1)
          + ", " + plan.megaFiles + "L)) FROM (SELECT id DIV 2 AS m, pmod(id, 2) AS s FROM "
          + range(0, 2 * plan.megaPages) + ") WHERE s = 0 OR " + r.chance("m2", "m", 0.2));
    }
    return "SELECT wiki_db, " + snap + " AS snapshot, il_from, il_from_namespace, IF(wiki_db = "
        + lit(COMMONS) + ", " + (WorldPlan.FILE_PAGE_BASE + 1) + "L, 1L) + g AS il_target_id FROM ("
        + unionAll(all) + ")";
  }

  String linktargetSql() {
    List<String> parts = new ArrayList<>();
    String cat = "SELECT " + lit(COMMONS) + " AS wiki_db, id + 1 AS lt_id, 14 AS lt_namespace, "
        + categoryTitle("id") + " AS lt_title FROM ";
    parts.add(cat + range(0, plan.categories));
    if (plan.mega) {
      parts.add(cat + range(WorldPlan.MEGA_CATEGORY_KEY,
          WorldPlan.MEGA_CATEGORY_KEY + plan.megaCategories));
    }
    parts.add("SELECT " + lit(COMMONS) + ", " + (WorldPlan.MISSING_LT_BASE + 1) + "L + id, 14, "
        + "concat('Missing_', " + r.pick("mt", "id", Vocabulary.SUBJECTS) + ", '_', id + 1) FROM "
        + range(0, plan.missingTargets));
    // Titles of real categories, in namespaces other than 14 (a bijection keeps them distinct).
    parts.add("SELECT " + lit(COMMONS) + ", " + (WorldPlan.WRONG_NS_LT_BASE + 1) + "L + id, "
        + "element_at(array(0, 2, 4, 10), CAST(" + r.uniform("wns", "id", 4) + " AS INT) + 1), "
        + categoryTitle("pmod(id * " + plan.categoryScramble + "L + " + plan.offset + "L, "
        + plan.chainBase + "L)") + " FROM " + range(0, plan.wrongNamespaceTargets));
    // File targets: one per (wiki, file) that usage points to; a few regular ones in namespace 2.
    parts.add("SELECT wiki_db, lt_id, IF(g < " + WorldPlan.LOCAL_FILE_G + "L AND "
        + r.chance("ltns", "wiki_db, g", 0.002) + ", 2, 6), "
        + fileTitle("g") + " FROM (SELECT wiki_db, lt_id, lt_id - IF(wiki_db = " + lit(COMMONS)
        + ", " + (WorldPlan.FILE_PAGE_BASE + 1) + "L, 1L) AS g FROM (SELECT DISTINCT wiki_db, "
        + "il_target_id AS lt_id FROM " + Tables.IMAGELINKS + " WHERE snapshot = " + snap + "))");
    return "SELECT wiki_db, " + snap + " AS snapshot, lt_id, lt_namespace, lt_title FROM ("
        + unionAll(parts) + ")";
  }

  String imageSql() {
    List<String> parts = new ArrayList<>();
    parts.add("SELECT " + lit(COMMONS) + " AS wiki_db, " + fileTitle("id") + " AS img_name, IF("
        + r.chance("mtnull", "id", 0.01) + ", CAST(NULL AS STRING), " + mediaCase("id", MEDIA_TYPE)
        + ") AS img_media_type FROM " + range(0, plan.files) + " WHERE NOT "
        + r.chance("imgmiss", "id", 0.02));
    parts.add("SELECT 'enwiki', " + fileTitle("id") + ", 'BITMAP' FROM "
        + range(WorldPlan.LOCAL_FILE_G, WorldPlan.LOCAL_FILE_G + plan.localFiles));
    if (plan.mega) {
      parts.add("SELECT " + lit(COMMONS) + ", " + fileTitle("id") + ", 'BITMAP' FROM "
          + range(WorldPlan.MEGA_FILE_G, WorldPlan.MEGA_FILE_G + plan.megaFiles));
    }
    return "SELECT wiki_db, " + snap + " AS snapshot, img_name, img_media_type FROM ("
        + unionAll(parts) + ")";
  }

  private long epoch(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /**
   * Timestamp seconds of revision key e: 1% at the month's first second, 1% at its last, 0.5% at
   * the next month's first (outside), 42.5% in the month, the rest over the 15 months before.
   */
  private String revisionSeconds(String e) {
    LocalDate first = plan.month.firstDay();
    long start = epoch(first);
    long end = epoch(first.plusMonths(1));
    long m1 = epoch(first.minusMonths(1));
    long m2 = epoch(first.minusMonths(2));
    long m3 = epoch(first.minusMonths(3));
    long m15 = epoch(first.minusMonths(15));
    String t = r.u("rt", e);
    String v = r.u("rtv", e);
    return "(CASE WHEN " + t + " < 0.01D THEN " + start + "L WHEN " + t + " < 0.02D THEN "
        + (end - 1) + "L WHEN " + t + " < 0.025D THEN " + end + "L WHEN " + t + " < 0.45D THEN "
        + within(start, end, v) + " WHEN " + t + " < 0.65D THEN " + within(m1, start, v)
        + " WHEN " + t + " < 0.80D THEN " + within(m2, m1, v) + " WHEN " + t + " < 0.92D THEN "
        + within(m3, m2, v) + " ELSE " + within(m15, m3, v) + " END)";
  }

  private static String within(long from, long to, String u) {
    return "(" + from + "L + CAST(FLOOR(" + u + " * " + (to - from) + "D) AS BIGINT))";
  }

  private String revisionColumns(String e) {
    String p = r.u("rp", e);
    String d = r.u("rd", e);
    return "date_format(timestamp_seconds(" + revisionSeconds(e) + "), 'yyyyMMddHHmmss') AS "
        + "rev_timestamp, (CASE WHEN " + p + " < 0.30D THEN 0L WHEN " + p + " < 0.32D THEN NULL "
        + "ELSE GREATEST(1L, " + e + " - " + r.uniform("rpp", e, 1000) + ") END) AS rev_parent_id, "
        + "(CASE WHEN " + d + " < 0.92D THEN 0 WHEN " + d + " < 0.94D THEN 4 WHEN " + d
        + " < 0.95D THEN 5 WHEN " + d + " < 0.955D THEN 6 WHEN " + d + " < 0.975D THEN 2 WHEN " + d
        + " < 0.99D THEN 1 WHEN " + d + " < 0.995D THEN NULL ELSE 7 END) AS rev_deleted, "
        + "IF(" + r.chance("ram", e, 0.01) + ", " + (WorldPlan.MISSING_ACTOR_BASE + 1) + "L + "
        + r.uniform("rax", e, 1000) + ", 1 + " + r.zipf("ra", e, plan.actors) + ") AS rev_actor";
  }

  String revisionSql() {
    String kind = r.u("rk", "e");
    String file = "IF(" + r.chance("rfz", "e", 0.3) + ", pmod(" + r.zipf("rf", "e", plan.files)
        + " * " + plan.fileScramble + "L + " + plan.offset + "L, " + plan.files + "L), "
        + r.uniform("rfu", "e", plan.files) + ")";
    List<String> parts = new ArrayList<>();
    // 0.2% of rows repeat the previous row exactly (duplicates count as they come).
    parts.add("SELECT IF(" + kind + " >= 0.97D, 'enwiki', " + lit(COMMONS) + ") AS wiki_db, "
        + "e + 1 AS rev_id, IF(" + kind + " >= 0.90D AND " + kind + " < 0.97D, 1 + "
        + r.uniform("rc", "e", plan.categories) + ", " + (WorldPlan.FILE_PAGE_BASE + 1) + "L + "
        + file + ") AS rev_page, " + revisionColumns("e") + " FROM (SELECT IF(id >= 1 AND "
        + r.chance("dup", "id", 0.002) + ", id - 1, id) AS e FROM " + range(0, plan.revisions)
        + ")");
    if (plan.mega) {
      // Two revisions per mega file, keyed apart from the regular ones.
      parts.add("SELECT " + lit(COMMONS) + ", e + 1, "
          + (WorldPlan.FILE_PAGE_BASE + 1 + WorldPlan.MEGA_FILE_G) + "L + (e - "
          + WorldPlan.MEGA_REV_BASE + "L) DIV 2, " + revisionColumns("e") + " FROM (SELECT id AS e"
          + " FROM " + range(WorldPlan.MEGA_REV_BASE, WorldPlan.MEGA_REV_BASE + 2 * plan.megaFiles)
          + ")");
    }
    return "SELECT wiki_db, " + snap + " AS snapshot, rev_id, rev_page, rev_actor, rev_timestamp, "
        + "rev_parent_id, rev_deleted FROM (" + unionAll(parts) + ")";
  }

  String actorSql() {
    String anonymous = r.chance("anon", "id", 0.15);
    String ip = "IF(" + r.chance("v6", "id", 0.3) + ", concat('2001:db8::', lower(hex(id))), "
        + "concat('10.', (id DIV 65536) % 256, '.', (id DIV 256) % 256, '.', id % 256))";
    String commons = "SELECT " + lit(COMMONS) + " AS wiki_db, id + 1 AS actor_id, IF(" + anonymous
        + ", CAST(NULL AS BIGINT), 1000 + 3 * id) AS actor_user, IF(" + anonymous + ", " + ip
        + ", concat(" + r.pick("un", "id", Vocabulary.USER_NAMES) + ", ' ', id + 1)) AS actor_name"
        + " FROM " + range(0, plan.actors);
    String other = "SELECT 'enwiki', id + 1, 5000 + id, concat('Enwiki user ', id + 1) FROM "
        + range(0, Math.max(1, plan.actors / 20));
    return "SELECT wiki_db, " + snap + " AS snapshot, actor_id, actor_user, actor_name FROM ("
        + unionAll(List.of(commons, other)) + ")";
  }

  String pageviewSql() {
    int year = plan.month.year();
    int month = plan.month.monthNumber();
    int days = plan.month.lengthInDays();
    LocalDate previous = plan.month.firstDay().minusDays(1);
    LocalDate next = plan.month.firstDay().plusMonths(1);
    String o = r.u("pvo", "i");
    String a = r.u("pva", "i");
    List<String> parts = new ArrayList<>();
    parts.add("SELECT " + projectAt(Vocabulary.HOSTS, "h") + " AS project, IF("
        + r.chance("pvsp", "i", 0.005) + ", replace(t, '_', ' '), t) AS page_title, IF("
        + r.chance("pvns", "i", 0.05) + ", 1, 0) AS namespace_id, (CASE WHEN " + a
        + " < 0.80D THEN 'user' WHEN " + a + " < 0.92D THEN 'spider' ELSE 'automated' END) AS "
        + "agent_type, IF(" + r.chance("pvnull", "i", 0.002) + ", CAST(NULL AS BIGINT), "
        + r.pareto("pvc", "i", 1.25, 1_000_000) + ") AS view_count, "
        + "(CASE WHEN " + o + " < 0.01D THEN " + previous.getYear() + " WHEN " + o + " < 0.02D THEN "
        + next.getYear() + " ELSE " + year + " END) AS year, "
        + "(CASE WHEN " + o + " < 0.01D THEN " + previous.getMonthValue() + " WHEN " + o
        + " < 0.02D THEN " + next.getMonthValue() + " ELSE " + month + " END) AS month, "
        + "(CASE WHEN " + o + " < 0.01D THEN " + previous.getDayOfMonth() + " WHEN " + o
        + " < 0.02D THEN 1 ELSE pmod(i, " + days + ") + 1 END) AS day, "
        + "IF(" + o + " < 0.02D, " + r.uniform("pvh", "i", 24) + ", pmod(i DIV " + days
        + ", 24)) AS hour FROM (SELECT i, h, " + articleTitle("j", "h") + " AS t FROM (SELECT i, j, "
        + articleHost("j") + " AS h FROM (SELECT id AS i, "
        + articleAtRank(r.zipf("pvj", "id", plan.articles)) + " AS j FROM "
        + range(0, plan.pageviews) + ")))");
    if (plan.mega) {
      // Every other mega page has one hour of user views.
      parts.add("SELECT " + projectAt(Vocabulary.COUNTED_HOSTS, megaHost("m")) + ", "
          + megaTitle("m") + ", 0, 'user', " + r.pareto("mpv", "m", 1.25, 100_000) + ", " + year
          + ", " + month + ", pmod(m DIV 2, " + days + ") + 1, " + r.uniform("mph", "m", 24)
          + " FROM (SELECT 2 * id AS m FROM " + range(0, (plan.megaPages + 1) / 2) + ")");
    }
    return unionAll(parts);
  }
}
