package org.commonsimpact.publicdumps;

import static org.commonsimpact.common.SparkTestSupport.sortedTsvLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.publicdumps.PublicDumpsImporter.Pageviews;
import org.commonsimpact.publicdumps.PublicDumpsImporter.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small world written as public dump files, imported, gives the expected source rows. */
class PublicDumpsImporterTest {
  @TempDir Path temp;

  private static final String USAGE = "SELECT il.wiki_db, il.il_from, p.page_namespace, "
      + "p.page_title, lt.lt_title FROM source.mediawiki_imagelinks il "
      + "JOIN source.mediawiki_linktarget lt ON lt.wiki_db = il.wiki_db "
      + "AND lt.lt_id = il.il_target_id AND lt.lt_namespace = 6 "
      + "JOIN source.mediawiki_page p ON p.wiki_db = il.wiki_db AND p.page_id = il.il_from";

  private static final String CATEGORIES = "SELECT cl.cl_from, lt.lt_title, cl.cl_type "
      + "FROM source.mediawiki_categorylinks cl LEFT JOIN source.mediawiki_linktarget lt "
      + "ON lt.wiki_db = cl.wiki_db AND lt.lt_id = cl.cl_target_id AND lt.lt_namespace = 14";

  private static List<String> rows(SparkSession session, String sql) {
    return sortedTsvLines(session.sql(sql));
  }

  @Test
  void globalUsageAndMonthlyViewsThenImagelinksAndHourlyViews() {
    Path dumps = SmallDumpWorld.write(temp.resolve("dumps"), false);
    SparkSession session = SparkTestSupport.freshSession(temp);
    Map<String, Long> counts = new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH,
        SmallDumpWorld.DATE, dumps, Usage.GLOBALIMAGELINKS, Pageviews.COMPLETE);
    assertEquals(9, counts.size());

    List<String> expectedUsage = List.of(
        "commonswiki\t9001\t0\tGallery\tA.jpg",
        "enwiki\t5001\t0\tArt\tA.jpg",
        "enwiki\t5001\t0\tArt\tB's.jpg",
        "enwiki\t5003\t1\tArt\tA.jpg",
        "frwiki\t6001\t0\tPeinture\tB's.jpg");
    assertEquals(expectedUsage, rows(session, USAGE));
    assertEquals(List.of("1001\tPaintings\tfile", "1002\tPaintings\tfile", "1002\t\\N\tfile",
        "101\tMuseum\tsubcat"), rows(session, CATEGORIES));
    assertEquals(List.of(
        "commonswiki\t2024-02\t1\t\\N\t192.0.2.1",
        "commonswiki\t2024-02\t2\t11\tAlice"),
        rows(session, "SELECT * FROM source.mediawiki_actor ORDER BY actor_id"));
    // Actor ids in name order: "192.0.2.1" < "Alice"; a deleted contributor has no actor.
    assertEquals(List.of(
        "commonswiki\t2024-02\t1\t1001\t2\t20240203101500\t0\t0",
        "commonswiki\t2024-02\t2\t1001\t1\t20240204000000\t1\t0",
        "commonswiki\t2024-02\t4\t1002\t\\N\t20240210120000\t0\t6",
        "commonswiki\t2024-02\t5\t1002\t2\t20240211120000\t4\t1"),
        rows(session, "SELECT * FROM source.mediawiki_revision"));
    assertEquals(List.of(
        "commonswiki\t2024-02\tA.jpg\tBITMAP", "commonswiki\t2024-02\tB's.jpg\t\\N"),
        rows(session, "SELECT * FROM source.mediawiki_image"));
    assertEquals(List.of(
        "commonswiki\tcommons.wikimedia.org", "enwiki\ten.wikipedia.org",
        "enwikibooks\ten.wikibooks.org", "frwiki\tfr.wikipedia.org",
        "wikidatawiki\twww.wikidata.org"), rows(session, "SELECT * FROM source.wikis"));
    assertEquals(List.of(
        "commons.wikimedia\t\"Q\"\t\\N\tuser\t1\t2024\t2\t3\t\\N",
        "en.wikipedia\tArt\t0\tuser\t6\t2024\t2\t2\t\\N",
        "en.wikipedia\tArt\t0\tuser\t7\t2024\t2\t1\t\\N",
        "en.wikipedia\tTalk:Art\t\\N\tuser\t1\t2024\t2\t1\t\\N",
        "fr.wikipedia\tPeinture\t0\tuser\t2\t2024\t2\t2\t\\N"),
        rows(session, "SELECT * FROM source.pageview_hourly")); // zz.wikipedia: no such wiki
    List<String> globalPages = rows(session, "SELECT wiki_db, page_id, page_namespace, "
        + "page_title FROM source.mediawiki_page WHERE wiki_db <> 'commonswiki'");

    // The same world through each wiki's imagelinks, and hourly files: the same usage and views.
    new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH, SmallDumpWorld.DATE, dumps,
        Usage.IMAGELINKS, Pageviews.HOURLY);
    assertEquals(expectedUsage, rows(session, USAGE));
    assertTrue(rows(session, "SELECT wiki_db, page_id, page_namespace, page_title FROM "
        + "source.mediawiki_page WHERE wiki_db <> 'commonswiki'").containsAll(globalPages));
    assertEquals(List.of(
        "commons.wikimedia\t\"Q\"\t\\N\tuser\t1\t2024\t2\t3\t23",
        "en.wikipedia\tArt\t0\tuser\t6\t2024\t2\t2\t13",
        "en.wikipedia\tArt\t0\tuser\t7\t2024\t2\t1\t0",
        "en.wikipedia\tTalk:Art\t\\N\tuser\t1\t2024\t2\t1\t0",
        "fr.wikipedia\tPeinture\t0\tuser\t2\t2024\t2\t2\t13"),
        rows(session, "SELECT * FROM source.pageview_hourly"));
  }

  @Test
  void legacyCategorylinksResolveTitlesAndBadInputChangesNothing() {
    Path dumps = SmallDumpWorld.write(temp.resolve("dumps"), true);
    SparkSession session = SparkTestSupport.freshSession(temp);
    new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH, SmallDumpWorld.DATE, dumps,
        Usage.IMAGELINKS, Pageviews.COMPLETE);
    // Titles found in linktarget get their ids; a title none has gets a made-up id after the max.
    assertEquals(List.of(
        "commonswiki\t2024-02\t1001\t2\tfile", "commonswiki\t2024-02\t1002\t2\tfile",
        "commonswiki\t2024-02\t1002\t62\tfile", "commonswiki\t2024-02\t101\t1\tsubcat"),
        rows(session, "SELECT * FROM source.mediawiki_categorylinks"));
    assertEquals(List.of("commonswiki\t2024-02\t62\t14\tNo_such_cat"), rows(session,
        "SELECT * FROM source.mediawiki_linktarget WHERE lt_id = 62"));
    // frwiki's legacy il_to title resolves to a made-up id after frwiki's largest lt_id (3).
    assertEquals(List.of("frwiki\t2024-02\t6001\t0\t4"),
        rows(session, "SELECT * FROM source.mediawiki_imagelinks WHERE wiki_db = 'frwiki'"));

    List<String> before = snapshot(session);
    DumpLayout layout = new DumpLayout(dumps.toString(), SmallDumpWorld.DATE);
    Path image = layout.path(layout.sqlDump("commonswiki", "image"));
    DumpFiles.write(image, DumpFiles.sqlDump("image", SmallDumpWorld.IMAGE, 1,
        "('A.jpg',100,10,10,'',8,'BITMAP','image','jpeg',1,2,'20240101000000','abc')",
        "('B.jpg',100,10,10,'',8,'BITMAP','image','jpeg',1,2,'20240101000000' 'abc')"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () ->
        new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH, SmallDumpWorld.DATE,
            dumps, Usage.IMAGELINKS, Pageviews.COMPLETE));
    assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(image.toString())
        + ": byte \\d+: expected ',' or '\\)' after a value, found ' ' \\(in tuple 2\\)"),
        e.getMessage());
    assertEquals(before, snapshot(session));

    DumpFiles.write(image, DumpFiles.sqlDump("image", new String[] {"img_name", "img_size"}, 1,
        "('A.jpg',100)"));
    e = assertThrows(InvalidInputException.class, () ->
        new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH, SmallDumpWorld.DATE,
            dumps, Usage.IMAGELINKS, Pageviews.COMPLETE));
    assertTrue(e.getMessage().startsWith(image + ": missing required column img_media_type"),
        e.getMessage());
    e = assertThrows(InvalidInputException.class, () ->
        new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH, SmallDumpWorld.DATE,
            dumps, Usage.IMAGELINKS, Pageviews.HOURLY));
    assertTrue(e.getMessage().startsWith(image + ": missing required column"), e.getMessage());
    Path hour = dumps.resolve(DumpLayout.hourlyPageviews(SmallDumpWorld.MONTH, 29, 23));
    hour.toFile().delete();
    e = assertThrows(InvalidInputException.class, () ->
        new PublicDumpsImporter(session).importMonth(SmallDumpWorld.MONTH, SmallDumpWorld.DATE,
            dumps, Usage.IMAGELINKS, Pageviews.HOURLY));
    assertEquals("missing dump file " + hour, e.getMessage());
    assertEquals(before, snapshot(session));
  }

  private static List<String> snapshot(SparkSession session) {
    List<String> all = new java.util.ArrayList<>();
    for (org.commonsimpact.common.SourceTables t : org.commonsimpact.common.SourceTables.values()) {
      for (String line : rows(session, "SELECT * FROM " + t.qualifiedName())) {
        all.add(t.tableName() + "\t" + line);
      }
    }
    return all;
  }
}
