package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a sources file (issue 17); binding it to a session is tested in cim-app. */
class SourceBindingTest {
  @TempDir Path temp;

  @Test
  void readsTablesAndMultiLineQueries() throws IOException {
    Path file = temp.resolve("sources.properties");
    Files.writeString(file, "# the lake\n"
        + "mediawiki_page = spark_catalog.wmf_raw.mediawiki_page\n"
        + "mediawiki_image = SELECT wiki_db, snapshot, \\\n"
        + "    file_name AS img_name, ft_media_type AS img_media_type \\\n"
        + "    FROM files\n");
    SourceBinding binding = SourceBinding.read(file.toString(), new Configuration());
    assertEquals("spark_catalog.wmf_raw.mediawiki_page",
        binding.values().get(SourceTables.MEDIAWIKI_PAGE));
    assertEquals("SELECT wiki_db, snapshot, file_name AS img_name, ft_media_type AS "
        + "img_media_type FROM files", binding.values().get(SourceTables.MEDIAWIKI_IMAGE));
    assertEquals(2, binding.values().size());
  }

  @Test
  void tellsQueriesFromTables() {
    assertTrue(SourceBinding.isQuery("  select 1"));
    assertTrue(SourceBinding.isQuery("WITH a AS (SELECT 1) SELECT * FROM a"));
    assertFalse(SourceBinding.isQuery("spark_catalog.wmf.pageview_hourly"));
    assertFalse(SourceBinding.isQuery("selected.table"));
  }

  @Test
  void unknownNamesAndEmptyValuesAreErrorsNamingTheFile() {
    InvalidInputException unknown = assertThrows(InvalidInputException.class,
        () -> SourceBinding.of("mediawiki_pages = x.y\n"));
    assertEquals("sources (text): unknown logical table 'mediawiki_pages' (the tables are "
        + "mediawiki_page, mediawiki_categorylinks, mediawiki_linktarget, mediawiki_imagelinks, "
        + "mediawiki_image, mediawiki_revision, mediawiki_actor, pageview_hourly, wikis)",
        unknown.getMessage());
    InvalidInputException empty = assertThrows(InvalidInputException.class,
        () -> SourceBinding.of("wikis =\n"));
    assertEquals("sources (text): wikis: no table or query given", empty.getMessage());
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> SourceBinding.read(temp.resolve("nope.properties").toString(),
            new Configuration()));
    assertTrue(missing.getMessage().endsWith("nope.properties: no such file"),
        missing.getMessage());
  }
}
