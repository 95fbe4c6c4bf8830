package org.commonsimpact.publicdumps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.SourceTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the nine source tables of SPEC §2.1 (snapshot = the month) from the public Wikimedia dumps
 * kept under their dumps-site paths ({@code bin/cim import-dumps}).
 *
 * <p>Each file is parsed in its own Spark task (split stub parts and hourly pageview files in
 * parallel). Every file is parsed and every table computed and cached before any table is
 * replaced, so a bad or missing file is an {@link InvalidInputException} naming it, and the source
 * tables stay as they were. Tables are then replaced as {@code import-tsv} replaces them.
 */
public final class PublicDumpsImporter {
  private static final Logger LOG = LoggerFactory.getLogger(PublicDumpsImporter.class);
  static final String COMMONS = "commonswiki";

  /** Where file usage comes from. */
  public enum Usage { GLOBALIMAGELINKS, IMAGELINKS }

  /** Which pageview dumps are read. */
  public enum Pageviews { COMPLETE, HOURLY }

  private final SparkSession session;
  private final List<String> views = new ArrayList<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();

  public PublicDumpsImporter(SparkSession session) {
    this.session = session;
  }

  /** Imports a month; returns the row count per table. */
  public Map<String, Long> importMonth(Month month, String dumpDate, Path dumps, Usage usage,
      Pageviews pageviews) {
    checkArguments(dumpDate, dumps);
    DumpLayout layout = new DumpLayout(dumps.toString(), dumpDate);
    try {
      Map<SourceTables, Dataset<Row>> tables = build(month, layout, dumps, usage, pageviews);
      Map<SourceTables, Long> counts = new LinkedHashMap<>();
      for (Map.Entry<SourceTables, Dataset<Row>> e : tables.entrySet()) {
        Dataset<Row> frame = e.getValue().persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(frame);
        counts.put(e.getKey(), frame.count()); // parses every file before anything is written
      }
      Map<String, Long> result = new LinkedHashMap<>();
      for (Map.Entry<SourceTables, Dataset<Row>> e : tables.entrySet()) {
        write(e.getKey(), e.getValue());
        result.put(e.getKey().tableName(), counts.get(e.getKey()));
      }
      return result;
    } catch (Exception e) { // Spark throws its (checked) SparkException undeclared
      InvalidInputException invalid = invalidCause(e);
      if (invalid != null) {
        throw invalid;
      }
      throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    } finally {
      cached.forEach(Dataset::unpersist);
      cached.clear();
      views.forEach(v -> session.catalog().dropTempView(v));
      views.clear();
    }
  }

  /** Checks what can be checked before Spark starts. */
  public static void checkArguments(String dumpDate, Path dumps) {
    checkDumpDate(dumpDate);
    if (!Files.isDirectory(dumps)) {
      throw new InvalidInputException("--dumps folder not found: " + dumps);
    }
  }

  /** A dumps run is named by its date, YYYYMMDD (fetch-dumps and import-dumps alike). */
  static void checkDumpDate(String dumpDate) {
    if (dumpDate == null || !dumpDate.matches("\\d{8}")) {
      throw new InvalidInputException("--dump-date must be YYYYMMDD, got '" + dumpDate + "'");
    }
  }

  private Map<SourceTables, Dataset<Row>> build(Month month, DumpLayout layout, Path dumps,
      Usage usage, Pageviews pageviews) {
    Map<String, String> wikis = wikiList(dumps);
    String snapshot = month.snapshot();

    // Which wikis' SQL dumps are read.
    List<ParseTask> pages = new ArrayList<>();
    List<ParseTask> linktargets = new ArrayList<>();
    List<ParseTask> imagelinks = new ArrayList<>();
    pages.add(ParseTask.sql(SqlTable.PAGE, COMMONS, need(layout, COMMONS, "page")));
    linktargets.add(ParseTask.sql(SqlTable.LINKTARGET, COMMONS,
        need(layout, COMMONS, "linktarget")));
    List<ParseTask> categorylinks = List.of(ParseTask.sql(SqlTable.CATEGORYLINKS, COMMONS,
        need(layout, COMMONS, "categorylinks")));
    List<ParseTask> images =
        List.of(ParseTask.sql(SqlTable.IMAGE, COMMONS, need(layout, COMMONS, "image")));
    List<ParseTask> globalUsage = new ArrayList<>();
    if (usage == Usage.GLOBALIMAGELINKS) {
      globalUsage.add(ParseTask.sql(SqlTable.GLOBALIMAGELINKS, COMMONS,
          need(layout, COMMONS, "globalimagelinks")));
    } else {
      for (String wiki : wikis.keySet()) {
        boolean commons = wiki.equals(COMMONS);
        if (!commons && !Files.isDirectory(layout.path(layout.wikiDir(wiki)))) {
          continue; // a wiki whose dumps were not fetched
        }
        imagelinks.add(ParseTask.sql(SqlTable.IMAGELINKS, wiki, need(layout, wiki, "imagelinks")));
        if (!commons) {
          pages.add(ParseTask.sql(SqlTable.PAGE, wiki, need(layout, wiki, "page")));
          linktargets.add(ParseTask.sql(SqlTable.LINKTARGET, wiki,
              need(layout, wiki, "linktarget")));
        }
      }
    }
    List<ParseTask> stubs = new ArrayList<>();
    for (Path file : layout.stubFiles(COMMONS)) {
      stubs.add(new ParseTask(ParseTask.Kind.STUB, null, COMMONS, existing(file), null, null));
    }
    List<ParseTask> viewFiles = new ArrayList<>();
    if (pageviews == Pageviews.COMPLETE) {
      viewFiles.add(new ParseTask(ParseTask.Kind.PAGEVIEWS_MONTHLY, null, null,
          existing(dumps.resolve(DumpLayout.monthlyPageviews(month))), null, null));
    } else {
      for (int day = 1; day <= month.lengthInDays(); day++) {
        for (int hour = 0; hour < 24; hour++) {
          viewFiles.add(new ParseTask(ParseTask.Kind.PAGEVIEWS_HOURLY, null, null,
              existing(dumps.resolve(DumpLayout.hourlyPageviews(month, day, hour))), day, hour));
        }
      }
    }

    view("pd_page_raw", parse(pages, SqlTable.PAGE.schema()));
    view("pd_lt_raw", parse(linktargets, SqlTable.LINKTARGET.schema()));
    view("pd_cl_raw", parse(categorylinks, SqlTable.CATEGORYLINKS.schema()));
    view("pd_image_raw", parse(images, SqlTable.IMAGE.schema()));
    view("pd_rev_raw", parse(stubs, ParseTask.REVISION_SCHEMA));
    view("pd_views_raw", parse(viewFiles, ParseTask.VIEW_SCHEMA));
    if (usage == Usage.GLOBALIMAGELINKS) {
      view("pd_gil_raw", parse(globalUsage, SqlTable.GLOBALIMAGELINKS.schema()));
      view("pd_il_raw", session.sql("SELECT gil_wiki AS wiki_db, gil_page AS il_from, "
          + "gil_page_namespace_id AS il_from_namespace, CAST(NULL AS BIGINT) AS il_target_id, "
          + "gil_to AS il_to FROM pd_gil_raw"));
      // Pages of other wikis that use files: GlobalUsage has their namespace and title.
      view("pd_pages", session.sql("SELECT * FROM pd_page_raw UNION ALL "
          + "SELECT DISTINCT gil_wiki, gil_page, gil_page_namespace_id, gil_page_title, false "
          + "FROM pd_gil_raw WHERE gil_wiki <> '" + COMMONS + "'"));
    } else {
      view("pd_il_raw", parse(imagelinks, SqlTable.IMAGELINKS.schema()));
      view("pd_pages", session.sql("SELECT * FROM pd_page_raw"));
    }

    // Legacy titles (cl_to, il_to) become link target ids: the wiki's own linktarget row, else a
    // made-up id above the wiki's largest one.
    resolveTitles("pd_cl_raw", "cl", 14, "pd_lt_raw", "pd_lt_1", "pd_cl");
    resolveTitles("pd_il_raw", "il", 6, "pd_lt_1", "pd_lt_2", "pd_il");

    List<Row> wikiRows = new ArrayList<>();
    wikis.forEach((code, domain) ->
        wikiRows.add(RowFactory.create(code, domain, DomainCodes.project(domain))));
    view("pd_wikis", session.createDataFrame(wikiRows, new StructType()
        .add("database_code", "string").add("domain_name", "string").add("project", "string")));
    view("pd_codes", codes(wikis, pageviews));

    String s = "'" + snapshot + "' AS snapshot";
    Map<SourceTables, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put(SourceTables.MEDIAWIKI_PAGE, session.sql("SELECT wiki_db, " + s
        + ", page_id, page_namespace, page_title, page_is_redirect FROM pd_pages"));
    tables.put(SourceTables.MEDIAWIKI_CATEGORYLINKS, session.sql("SELECT wiki_db, " + s
        + ", cl_from, cl_target_id, cl_type FROM pd_cl"));
    tables.put(SourceTables.MEDIAWIKI_LINKTARGET, session.sql("SELECT wiki_db, " + s
        + ", lt_id, lt_namespace, lt_title FROM pd_lt_2"));
    tables.put(SourceTables.MEDIAWIKI_IMAGELINKS, session.sql("SELECT wiki_db, " + s
        + ", il_from, il_from_namespace, il_target_id FROM pd_il"));
    tables.put(SourceTables.MEDIAWIKI_IMAGE, session.sql("SELECT wiki_db, " + s
        + ", img_name, img_media_type FROM pd_image_raw"));
    // One made-up actor per distinct name (user name or IP), numbered in name order.
    view("pd_actors", session.sql("SELECT wiki_db, ROW_NUMBER() OVER (PARTITION BY wiki_db "
        + "ORDER BY actor_name) AS actor_id, actor_user, actor_name FROM (SELECT wiki_db, "
        + "actor_name, MAX(actor_user) AS actor_user FROM pd_rev_raw WHERE actor_name IS NOT NULL "
        + "GROUP BY wiki_db, actor_name)"));
    tables.put(SourceTables.MEDIAWIKI_REVISION, session.sql("SELECT r.wiki_db, " + s
        + ", r.rev_id, r.rev_page, a.actor_id AS rev_actor, r.rev_timestamp, r.rev_parent_id, "
        + "r.rev_deleted FROM pd_rev_raw r LEFT JOIN pd_actors a ON a.wiki_db = r.wiki_db "
        + "AND a.actor_name = r.actor_name"));
    tables.put(SourceTables.MEDIAWIKI_ACTOR, session.sql("SELECT wiki_db, " + s
        + ", actor_id, actor_user, actor_name FROM pd_actors"));
    // A view is of namespace 0 when its title is a namespace-0 page of that project's wiki.
    tables.put(SourceTables.PAGEVIEW_HOURLY, session.sql("SELECT c.project, v.page_title, "
        + "CASE WHEN MAX(n.project) IS NOT NULL THEN 0 END AS namespace_id, 'user' AS agent_type, "
        + "SUM(v.views) AS view_count, " + month.year() + " AS year, " + month.monthNumber()
        + " AS month, v.day, v.hour FROM pd_views_raw v JOIN pd_codes c ON c.code = v.code "
        + "LEFT JOIN (SELECT DISTINCT w.project, p.page_title FROM pd_pages p JOIN pd_wikis w "
        + "ON w.database_code = p.wiki_db WHERE p.page_namespace = 0) n "
        + "ON n.project = c.project AND n.page_title = v.page_title "
        + "GROUP BY c.project, v.page_title, v.day, v.hour"));
    tables.put(SourceTables.WIKIS,
        session.sql("SELECT database_code, domain_name FROM pd_wikis"));
    return tables;
  }

  /**
   * Rows of {@code raw} (prefix_target_id or legacy prefix_to) with every link target id filled:
   * a title is looked up as (namespace, title) in the same wiki's link targets, and a title none
   * has gets a made-up row numbered after the wiki's largest id, in title order.
   */
  private void resolveTitles(String raw, String prefix, int namespace, String ltIn, String ltOut,
      String out) {
    String id = prefix + "_target_id";
    String title = prefix + "_to";
    view(ltOut + "_made", session.sql("SELECT m.wiki_db, COALESCE(x.max_id, 0) + ROW_NUMBER() "
        + "OVER (PARTITION BY m.wiki_db ORDER BY m.title) AS lt_id, " + namespace
        + " AS lt_namespace, m.title AS lt_title FROM (SELECT DISTINCT r.wiki_db, r." + title
        + " AS title FROM " + raw + " r LEFT ANTI JOIN " + ltIn + " l ON l.wiki_db = r.wiki_db "
        + "AND l.lt_namespace = " + namespace + " AND l.lt_title = r." + title + " WHERE r." + id
        + " IS NULL AND r." + title + " IS NOT NULL) m LEFT JOIN (SELECT wiki_db, MAX(lt_id) AS "
        + "max_id FROM " + ltIn + " GROUP BY wiki_db) x ON x.wiki_db = m.wiki_db"));
    view(ltOut, session.sql("SELECT wiki_db, lt_id, lt_namespace, lt_title FROM " + ltIn
        + " UNION ALL SELECT wiki_db, lt_id, lt_namespace, lt_title FROM " + ltOut + "_made"));
    String others = raw.equals("pd_cl_raw") ? "r.cl_from, r.cl_type" : "r.il_from, "
        + "r.il_from_namespace";
    view(out, session.sql("SELECT r.wiki_db, " + others + ", COALESCE(r." + id + ", l.lt_id) AS "
        + id + " FROM " + raw + " r LEFT JOIN (SELECT * FROM " + ltOut + " WHERE lt_namespace = "
        + namespace + ") l ON r." + id + " IS NULL AND l.wiki_db = r.wiki_db AND l.lt_title = r."
        + title));
  }

  /** code → project for the pageview files read. */
  private Dataset<Row> codes(Map<String, String> wikis, Pageviews pageviews) {
    List<Row> rows = new ArrayList<>();
    if (pageviews == Pageviews.HOURLY) {
      DomainCodes.codes(wikis.values()).forEach((code, project) ->
          rows.add(RowFactory.create(code, project)));
    } else {
      // pageview_complete names the project itself; www.wikidata is written without "www.".
      Map<String, String> map = new LinkedHashMap<>();
      for (String domain : wikis.values()) {
        String project = DomainCodes.project(domain);
        map.put(project, project);
        if (project.startsWith("www.")) {
          map.putIfAbsent(project.substring(4), project);
        }
      }
      map.forEach((code, project) -> rows.add(RowFactory.create(code, project)));
    }
    return session.createDataFrame(rows,
        new StructType().add("code", "string").add("project", "string"));
  }

  private Map<String, String> wikiList(Path dumps) {
    Path json = dumps.resolve("sitematrix.json");
    Path tsv = dumps.resolve("wikis.tsv");
    if (!Files.isRegularFile(json) && Files.isRegularFile(tsv)) {
      return WikiList.read(tsv);
    }
    return WikiList.read(json);
  }

  private static Path need(DumpLayout layout, String wiki, String table) {
    return existing(layout.path(layout.sqlDump(wiki, table)));
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("missing dump file " + file);
    }
    return file;
  }

  private Dataset<Row> parse(List<ParseTask> tasks, StructType schema) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(session.sparkContext());
    int slices = Math.max(1, Math.min(tasks.size(), 4 * context.defaultParallelism()));
    JavaRDD<Row> rows = context.parallelize(tasks, slices).flatMap(ParseTask::rows);
    return session.createDataFrame(rows, schema);
  }

  private void view(String name, Dataset<Row> frame) {
    frame.createOrReplaceTempView(name);
    views.add(name);
  }

  private void write(SourceTables table, Dataset<Row> frame) {
    String view = "cim_import_" + table.tableName();
    frame.createOrReplaceTempView(view);
    String partitioning = table.partitionColumns().isEmpty() ? ""
        : " PARTITIONED BY (" + String.join(", ", table.partitionColumns()) + ")";
    session.sql("CREATE OR REPLACE TABLE " + table.qualifiedName() + " USING iceberg"
        + partitioning + " AS SELECT * FROM " + view);
    session.catalog().dropTempView(view);
    LOG.info("imported {}", table.qualifiedName());
  }

  /** The invalid-input exception a Spark task threw, if that is what failed. */
  static InvalidInputException invalidCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException) {
        return (InvalidInputException) t;
      }
    }
    if (e instanceof SparkException || e.getCause() instanceof SparkException) {
      // A task's exception may arrive only as text.
      String text = String.valueOf(e.getMessage());
      int at = text.indexOf(InvalidInputException.class.getName() + ": ");
      if (at >= 0) {
        String message = text.substring(at + InvalidInputException.class.getName().length() + 2);
        return new InvalidInputException(message.split("\n")[0].trim(), e);
      }
    }
    return null;
  }
}
