package org.commonsimpact.publicdumps;

import static org.commonsimpact.publicdumps.StubHistoryReaderTest.DELETED;
import static org.commonsimpact.publicdumps.StubHistoryReaderTest.HEAD;
import static org.commonsimpact.publicdumps.StubHistoryReaderTest.ip;
import static org.commonsimpact.publicdumps.StubHistoryReaderTest.revision;
import static org.commonsimpact.publicdumps.StubHistoryReaderTest.user;

import java.nio.file.Path;
import org.commonsimpact.common.Month;

/**
 * A small world of February 2024 written as public dump files under their dumps-site paths: a
 * commons category with a sub-category and two files, used on enwiki, frwiki and commonswiki.
 * Both usage sources (globalimagelinks, per-wiki imagelinks) and both pageview sources (monthly
 * complete, hourly) describe the same facts.
 */
final class SmallDumpWorld {
  static final Month MONTH = Month.parse("2024-02");
  static final String DATE = "20240301";

  static final String[] PAGE = {"page_id", "page_namespace", "page_title", "page_is_redirect",
      "page_is_new", "page_random", "page_touched", "page_links_updated", "page_latest",
      "page_len", "page_content_model", "page_lang"};
  static final String[] PAGE_REORDERED = {"page_id", "page_title", "page_namespace",
      "page_random", "page_is_redirect", "page_latest"};
  static final String[] LINKTARGET = {"lt_id", "lt_namespace", "lt_title"};
  static final String[] CL_CURRENT = {"cl_from", "cl_sortkey", "cl_timestamp",
      "cl_sortkey_prefix", "cl_type", "cl_collation_id", "cl_target_id"};
  static final String[] CL_LEGACY = {"cl_from", "cl_to", "cl_sortkey", "cl_timestamp",
      "cl_sortkey_prefix", "cl_collation", "cl_type"};
  static final String[] IL_CURRENT = {"il_from", "il_from_namespace", "il_target_id"};
  static final String[] IL_REORDERED = {"il_from", "il_target_id", "il_from_namespace"};
  static final String[] IL_LEGACY = {"il_from", "il_to", "il_from_namespace"};
  static final String[] IMAGE = {"img_name", "img_size", "img_width", "img_height",
      "img_metadata", "img_bits", "img_media_type", "img_major_mime", "img_minor_mime",
      "img_description_id", "img_actor", "img_timestamp", "img_sha1"};
  static final String[] GIL = {"gil_wiki", "gil_page", "gil_page_namespace_id",
      "gil_page_namespace", "gil_page_title", "gil_to"};

  private SmallDumpWorld() {}

  static String page(long id, int ns, String title, int redirect) {
    return "(" + id + "," + ns + ",'" + title + "'," + redirect
        + ",0,0.123456789,'20240301000000','20240301000000',77,1234,'wikitext',NULL)";
  }

  /** Writes the world; {@code legacyCategorylinks} writes categorylinks with cl_to titles. */
  static Path write(Path root, boolean legacyCategorylinks) {
    DumpLayout layout = new DumpLayout(root.toString(), DATE);
    DumpFiles.write(root.resolve("sitematrix.json"), WikiListTest.SITEMATRIX);

    // commonswiki
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "page")), DumpFiles.sqlDumpUtf8(
        "page", PAGE,
        page(100, 14, "Museum", 0), page(101, 14, "Paintings", 0), page(1001, 6, "A.jpg", 0),
        page(1002, 6, "B\\'s.jpg", 0), page(9001, 0, "Gallery", 0), page(9002, 0, "Redir", 1)));
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "linktarget")),
        DumpFiles.sqlDumpUtf8("linktarget", LINKTARGET,
            "(1,14,'Museum')", "(2,14,'Paintings')", "(60,6,'A.jpg')", "(61,6,'Other.jpg')"));
    String key = "'\u00ff\u00fe\\0KEY'";
    if (legacyCategorylinks) {
      DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "categorylinks")),
          DumpFiles.sqlDump("categorylinks", CL_LEGACY, 2,
              "(101,'Museum'," + key + ",'2024-01-01 00:00:00','','uca-default-u-kn','subcat')",
              "(1001,'Paintings'," + key + ",'2024-01-01 00:00:00','','uca','file')",
              "(1002,'Paintings'," + key + ",'2024-01-01 00:00:00','','uca','file')",
              "(1002,'No_such_cat'," + key + ",'2024-01-01 00:00:00','','uca','file')"));
    } else {
      DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "categorylinks")),
          DumpFiles.sqlDump("categorylinks", CL_CURRENT, 2,
              "(101," + key + ",'2024-01-01 00:00:00','','subcat',1,1)",
              "(1001," + key + ",'2024-01-01 00:00:00','','file',1,2)",
              "(1002," + key + ",'2024-01-01 00:00:00','','file',1,2)",
              "(1002," + key + ",'2024-01-01 00:00:00','','file',1,62)"));
    }
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "image")), DumpFiles.sqlDumpUtf8(
        "image", IMAGE,
        "('A.jpg',100,10,10,'a:{s:8:\"metadata\";s:3:\"x),(\";}',8,'BITMAP','image','jpeg',1,2,"
            + "'20240101000000','abc')",
        "('B\\'s.jpg',100,10,10,'',8,NULL,'image','jpeg',1,2,'20240101000000','abd')"));
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "imagelinks")),
        DumpFiles.sqlDumpUtf8("imagelinks", IL_CURRENT, "(9001,0,60)"));
    DumpFiles.write(layout.path(layout.sqlDump("commonswiki", "globalimagelinks")),
        DumpFiles.sqlDumpUtf8("globalimagelinks", GIL,
            "('commonswiki',9001,0,'','Gallery','A.jpg')",
            "('enwiki',5001,0,'','Art','A.jpg')",
            "('enwiki',5001,0,'','Art','B\\'s.jpg')",
            "('enwiki',5003,1,'Talk','Art','A.jpg')",
            "('frwiki',6001,0,'','Peinture','B\\'s.jpg')"));

    // enwiki: columns in another order; frwiki: legacy imagelinks with il_to titles.
    DumpFiles.write(layout.path(layout.sqlDump("enwiki", "page")), DumpFiles.sqlDumpUtf8(
        "page", PAGE_REORDERED, "(5001,'Art',0,0.5,0,9)", "(5003,'Art',1,0.5,0,9)",
        "(5004,'Unused',0,0.5,0,9)"));
    DumpFiles.write(layout.path(layout.sqlDump("enwiki", "linktarget")),
        DumpFiles.sqlDumpUtf8("linktarget", LINKTARGET, "(7,6,'A.jpg')", "(8,6,'B\\'s.jpg')"));
    DumpFiles.write(layout.path(layout.sqlDump("enwiki", "imagelinks")),
        DumpFiles.sqlDumpUtf8("imagelinks", IL_REORDERED, "(5001,7,0)", "(5001,8,0)",
            "(5003,7,1)"));
    DumpFiles.write(layout.path(layout.sqlDump("frwiki", "page")), DumpFiles.sqlDumpUtf8(
        "page", PAGE, page(6001, 0, "Peinture", 0)));
    DumpFiles.write(layout.path(layout.sqlDump("frwiki", "linktarget")),
        DumpFiles.sqlDumpUtf8("linktarget", LINKTARGET, "(3,6,'Other.jpg')"));
    DumpFiles.write(layout.path(layout.sqlDump("frwiki", "imagelinks")),
        DumpFiles.sqlDumpUtf8("imagelinks", IL_LEGACY, "(6001,'B\\'s.jpg',0)"));

    // Revisions in two split parts.
    DumpFiles.write(layout.path(layout.wikiDir("commonswiki")
        + "commonswiki-" + DATE + "-stub-meta-history1.xml.gz"), HEAD
        + StubHistoryReaderTest.page("File:A.jpg", 6, 1001,
            revision(1, null, "2024-02-03T10:15:00Z", user("Alice", 11), false, false),
            revision(2, 1L, "2024-02-04T00:00:00Z", ip("192.0.2.1"), false, false))
        + StubHistoryReaderTest.page("Category:Museum", 14, 100,
            revision(3, null, "2024-02-01T00:00:00Z", user("Zed", 99), false, false))
        + "</mediawiki>\n");
    DumpFiles.write(layout.path(layout.wikiDir("commonswiki")
        + "commonswiki-" + DATE + "-stub-meta-history2.xml.gz"), HEAD
        + StubHistoryReaderTest.page("File:B's.jpg", 6, 1002,
            revision(4, null, "2024-02-10T12:00:00Z", DELETED, true, false),
            revision(5, 4L, "2024-02-11T12:00:00Z", user("Alice", 11), false, true))
        + "</mediawiki>\n");

    // Pageviews: the same counts in the monthly complete file and in the hourly files.
    DumpFiles.write(root.resolve(DumpLayout.monthlyPageviews(MONTH)),
        "en.wikipedia Art 5001 desktop 10 A4B6\n"
            + "en.wikipedia Art 5001 mobile-web 3 A3\n"
            + "en.wikipedia Talk:Art 5003 desktop 1 A1\n"
            + "fr.wikipedia Peinture 6001 mobile-app 2 B2\n"
            + "commons.wikimedia \"\\\"Q\\\"\" null desktop 1 C1\n"
            + "zz.wikipedia Foo null desktop 5 A5\n");
    for (int day = 1; day <= MONTH.lengthInDays(); day++) {
      for (int hour = 0; hour < 24; hour++) {
        String text = "";
        if (day == 1 && hour == 0) {
          text = "en Art 4 0\nen.m Art 3 0\nen Talk:Art 1 0\nzz Foo 5 0\n";
        } else if (day == 2 && hour == 13) {
          text = "en Art 6 0\nfr.m Peinture 2 0\n";
        } else if (day == 3 && hour == 23) {
          text = "commons.m \"Q\" 1 0\n";
        }
        DumpFiles.write(root.resolve(DumpLayout.hourlyPageviews(MONTH, day, hour)), text);
      }
    }
    return root;
  }
}
