package org.commonsimpact.metrics;

import static org.commonsimpact.common.SourceTables.MEDIAWIKI_ACTOR;
import static org.commonsimpact.common.SourceTables.MEDIAWIKI_IMAGE;
import static org.commonsimpact.common.SourceTables.MEDIAWIKI_REVISION;
import static org.commonsimpact.common.SourceTables.PAGEVIEW_HOURLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.StageContext;
import org.commonsimpact.common.TestWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4, §5 and §9 rules on one hand-built world, each figure computed by hand in the comments:
 * deep figures for sub-categories, a page's views once per file set, zero-view usage, unused files,
 * excluded wikis and namespaces, pageview filters, media types, user names and edit types, month
 * boundaries, duplicate revisions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsRulesTest {
  @TempDir static Path temp;
  private SparkSession session;

  /** P > S > T; F1, F2 in S; F3, F5 in T; F4 in P (unused). */
  static TestWorld world() {
    TestWorld w = new TestWorld()
        .page(10, 14, "P").page(11, 14, "S").page(12, 14, "T")
        .page(40, 6, "F1.jpg").page(41, 6, "F2.jpg").page(42, 6, "F3.jpg")
        .page(43, 6, "F4.jpg").page(44, 6, "F5.jpg")
        .linktarget("commonswiki", 1, 14, "P").linktarget("commonswiki", 2, 14, "S")
        .linktarget("commonswiki", 3, 14, "T")
        .categorylink(11, 1, "subcat").categorylink(12, 2, "subcat")
        .categorylink(40, 2, "file").categorylink(41, 2, "file").categorylink(42, 3, "file")
        .categorylink(43, 1, "file").categorylink(44, 3, "file")
        .wiki("enwiki", "en.wikipedia.org").wiki("frwiki", "fr.wikipedia.org")
        .wiki("commonswiki", "commons.wikimedia.org").wiki("wikidatawiki", "www.wikidata.org")
        .wiki("xxwiki", "xx.example.net")
        // enwiki: Page1 shows F1 and F2, Page2 shows F3.
        .page("enwiki", 100, 0, "Page1").page("enwiki", 101, 0, "Page2")
        .page("enwiki", 102, 1, "Page1")
        .linktarget("enwiki", 1, 6, "F1.jpg").linktarget("enwiki", 2, 6, "F2.jpg")
        .linktarget("enwiki", 3, 6, "F3.jpg").linktarget("enwiki", 4, 14, "F1.jpg")
        .imagelink("enwiki", 100, 0, 1).imagelink("enwiki", 100, 0, 2)
        .imagelink("enwiki", 101, 0, 3)
        .imagelink("enwiki", 102, 1, 1)   // from a talk page: not usage
        .imagelink("enwiki", 101, 0, 4)   // target in namespace 14: not usage
        .imagelink("enwiki", 103, 0, 1)   // no page 103: not usage
        // frwiki: Page1 shows F1, and has no views: still usage.
        .page("frwiki", 200, 0, "Page1").linktarget("frwiki", 1, 6, "F1.jpg")
        .imagelink("frwiki", 200, 0, 1)
        // commonswiki and wikidatawiki never count.
        .page("commonswiki", 300, 0, "Gallery").linktarget("commonswiki", 9, 6, "F1.jpg")
        .imagelink("commonswiki", 300, 0, 9)
        .page("wikidatawiki", 400, 0, "Q1").linktarget("wikidatawiki", 1, 6, "F1.jpg")
        .imagelink("wikidatawiki", 400, 0, 1)
        // A domain without .org keeps its name; a wiki missing from `wikis` is dropped.
        .page("xxwiki", 500, 0, "Xpage").linktarget("xxwiki", 1, 6, "F5.jpg")
        .imagelink("xxwiki", 500, 0, 1)
        .page("yywiki", 600, 0, "Y").linktarget("yywiki", 1, 6, "F5.jpg")
        .imagelink("yywiki", 600, 0, 1)
        .fullPageviewMonth();
    // views(en.wikipedia, Page1) = 10 + 5; Page2 = 7 (NULL adds 0); Xpage = 3.
    w.add(PAGEVIEW_HOURLY, "en.wikipedia", "Page1", 0, "user", 10L, 2024, 2, 1, 0)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page1", 0, "user", 5L, 2024, 2, 29, 23)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page1", 0, "spider", 1000L, 2024, 2, 3, 1)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page1", 1, "user", 500L, 2024, 2, 3, 1)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page1", 0, "user", 700L, 2024, 3, 1, 0)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page1", 0, "user", 800L, 2023, 2, 1, 0)
        .add(PAGEVIEW_HOURLY, "EN.wikipedia", "Page1", 0, "user", 99L, 2024, 2, 1, 0)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "page1", 0, "user", 98L, 2024, 2, 1, 0)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page2", 0, "user", null, 2024, 2, 2, 0)
        .add(PAGEVIEW_HOURLY, "en.wikipedia", "Page2", 0, "user", 7L, 2024, 2, 2, 1)
        .add(PAGEVIEW_HOURLY, "xx.example.net", "Xpage", 0, "user", 3L, 2024, 2, 9, 9)
        .add(PAGEVIEW_HOURLY, "fr.wikipedia", "Page1", 0, "spider", 50L, 2024, 2, 9, 9);
    w.add(MEDIAWIKI_IMAGE, "commonswiki", "2024-02", "F1.jpg", "BITMAP")
        .add(MEDIAWIKI_IMAGE, "commonswiki", "2024-02", "F2.jpg", null)
        .add(MEDIAWIKI_IMAGE, "commonswiki", "2024-02", "F4.jpg", "DRAWING")
        .add(MEDIAWIKI_IMAGE, "commonswiki", "2024-02", "F5.jpg", "VIDEO")
        .add(MEDIAWIKI_IMAGE, "enwiki", "2024-02", "F3.jpg", "AUDIO");
    w.add(MEDIAWIKI_ACTOR, "commonswiki", "2024-02", 1L, 11L, "Alice")
        .add(MEDIAWIKI_ACTOR, "commonswiki", "2024-02", 2L, null, "192.0.2.9")
        .add(MEDIAWIKI_ACTOR, "commonswiki", "2024-02", 3L, 13L, "Bob")
        .add(MEDIAWIKI_ACTOR, "enwiki", "2024-02", 4L, 14L, "Eve");
    revision(w, "commonswiki", "2024-02", 1, 40, 1, "20240201000000", 0L, 0);
    revision(w, "commonswiki", "2024-02", 2, 40, 2, "20240229235959", 1L, null);
    revision(w, "commonswiki", "2024-02", 3, 41, 1, "20240215120000", null, 4);
    revision(w, "commonswiki", "2024-02", 4, 41, 2, "20240210000000", 3L, 6);
    revision(w, "commonswiki", "2024-02", 5, 42, 4, "20240211000000", 2L, 2);
    revision(w, "commonswiki", "2024-02", 6, 42, 3, "20240301000000", 0L, 0);
    revision(w, "commonswiki", "2024-02", 7, 42, 3, "20240131235959", 0L, 0);
    revision(w, "commonswiki", "2024-02", 8, 43, 3, "20240220000000", 0L, 1);
    revision(w, "commonswiki", "2024-02", 8, 43, 3, "20240220000000", 0L, 1);
    revision(w, "commonswiki", "2024-02", 10, 11, 3, "20240205000000", 0L, 0);
    revision(w, "commonswiki", "2024-02", 11, 300, 3, "bad", 0L, 0);
    revision(w, "enwiki", "2024-02", 12, 40, 3, "20240205000000", 0L, 0);
    revision(w, "commonswiki", "2024-01", 13, 40, 3, "20240205000000", 0L, 0);
    return w;
  }

  static void revision(TestWorld w, String wiki, String snapshot, long id, long page, long actor,
      String timestamp, Long parent, Integer deleted) {
    w.add(MEDIAWIKI_REVISION, wiki, snapshot, id, page, actor, timestamp, parent, deleted);
  }

  private Path allowList() throws IOException {
    Path file = Files.createTempFile(temp, "allow", ".txt");
    Files.write(file, "P\n".getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @BeforeAll
  void run() throws IOException {
    session = world().load(temp);
    MetricsTestSupport.runGraphAndMetrics(session, "2024-02", allowList(), false);
  }

  @Test
  void categoryMetricsHaveDeepFiguresForEverySubcategoryAndPagesOnce() {
    assertEquals(List.of(
        "P\t\tP\t1\t5\t0\t4\t0\t3\t0\t4\t2024-02",
        "S\tP\tP\t2\t4\t2\t4\t2\t3\t2\t4\t2024-02",
        "T\tS\tP\t2\t2\t2\t2\t2\t2\t2\t2\t2024-02"),
        MetricsTestSupport.table(session, "commons_category_metrics_snapshot"));
  }

  @Test
  void pageviewsPerCategoryCountAPageOnceAndOnlyWithViews() {
    assertEquals(List.of(
        "P\tdeep\tP\ten.wikipedia\tPage1\t15\t2024-02",
        "P\tdeep\tP\ten.wikipedia\tPage2\t7\t2024-02",
        "P\tdeep\tP\txx.example.net\tXpage\t3\t2024-02",
        "S\tdeep\tP\ten.wikipedia\tPage1\t15\t2024-02",
        "S\tdeep\tP\ten.wikipedia\tPage2\t7\t2024-02",
        "S\tdeep\tP\txx.example.net\tXpage\t3\t2024-02",
        "S\tshallow\tP\ten.wikipedia\tPage1\t15\t2024-02",
        "T\tdeep\tP\ten.wikipedia\tPage2\t7\t2024-02",
        "T\tdeep\tP\txx.example.net\tXpage\t3\t2024-02",
        "T\tshallow\tP\ten.wikipedia\tPage2\t7\t2024-02",
        "T\tshallow\tP\txx.example.net\tXpage\t3\t2024-02"),
        MetricsTestSupport.table(session, "commons_pageviews_per_category_monthly"));
  }

  @Test
  void mediaFileMetricsCoverUnusedFilesAndMediaTypes() {
    assertEquals(List.of(
        "F1.jpg\tBITMAP\tS\tP\t2\t2\t2024-02",
        "F2.jpg\tUNKNOWN\tS\tP\t1\t1\t2024-02",
        "F3.jpg\tUNKNOWN\tT\tP\t1\t1\t2024-02",
        "F4.jpg\tDRAWING\tP\tP\t0\t0\t2024-02",
        "F5.jpg\tVIDEO\tT\tP\t1\t1\t2024-02"),
        MetricsTestSupport.table(session, "commons_media_file_metrics_snapshot"));
    assertEquals(List.of(
        "F1.jpg\tS\tP\ten.wikipedia\tPage1\t15\t2024-02",
        "F2.jpg\tS\tP\ten.wikipedia\tPage1\t15\t2024-02",
        "F3.jpg\tT\tP\ten.wikipedia\tPage2\t7\t2024-02",
        "F5.jpg\tT\tP\txx.example.net\tXpage\t3\t2024-02"),
        MetricsTestSupport.table(session, "commons_pageviews_per_media_file_monthly"));
  }

  @Test
  void editsNameUsersAndTypesAndKeepTheMonth() {
    assertEquals(List.of(
        ":anonymous:\tupdate\tF1.jpg\tS\tP\t2024-02-29T23:59:59",
        ":anonymous:\tupdate\tF3.jpg\tT\tP\t2024-02-11T00:00:00",
        ":redacted:\tcreate\tF2.jpg\tS\tP\t2024-02-15T12:00:00",
        ":redacted:\tupdate\tF2.jpg\tS\tP\t2024-02-10T00:00:00",
        "Alice\tcreate\tF1.jpg\tS\tP\t2024-02-01T00:00:00",
        "Bob\tcreate\tF4.jpg\tP\tP\t2024-02-20T00:00:00",
        "Bob\tcreate\tF4.jpg\tP\tP\t2024-02-20T00:00:00"),
        MetricsTestSupport.table(session, "commons_edits"));
  }

  @Test
  void invalidTimestampOfAGraphFileStopsTheRunAndKeepsPublishedRows() throws IOException {
    SparkSession badSession = world().load(temp);
    MetricsTestSupport.runGraphAndMetrics(badSession, "2024-02", allowList(), false);
    List<String> before = MetricsTestSupport.table(badSession, "commons_edits");
    // Bad revisions arrive only now, so the month is published before the failing run.
    badSession.sql("INSERT INTO source.mediawiki_revision VALUES "
        + "('commonswiki', '2024-02', 20, 40, 1, '20240230120000', 0, 0), "
        + "('commonswiki', '2024-02', 21, 40, 1, '2024021512000', 0, 0)");
    var e = assertThrows(InvalidInputException.class,
        () -> MetricsTestSupport.runGraphAndMetrics(badSession, "2024-02", allowList(), false));
    assertTrue(e.getMessage().contains("rev_id 20") && e.getMessage().contains("rev_id 21"),
        e.getMessage());
    assertEquals(before, MetricsTestSupport.table(badSession, "commons_edits"));
  }

  @Test
  void readinessNamesEveryMissingPageviewDayUnlessPartial() {
    session.sql("DELETE FROM source.pageview_hourly WHERE year = 2024 AND month = 2 "
        + "AND day IN (3, 4, 5, 17)");
    Month month = Month.parse("2024-02");
    StageContext strict = new StageContext(session, month,
        new RunOptions(null, 7, null, false), new RunReport(month));
    Readiness readiness = new Readiness(session, month);
    new MetricsStage().requireInputs(strict, readiness);
    var e = assertThrows(InvalidInputException.class, () -> readiness.check("metrics"));
    assertTrue(e.getMessage().contains("day(s) 3-5,17"), e.getMessage());

    StageContext partial = new StageContext(session, month,
        new RunOptions(null, 7, null, true), new RunReport(month));
    Readiness relaxed = new Readiness(session, month);
    new MetricsStage().requireInputs(partial, relaxed);
    relaxed.check("metrics");
  }
}
