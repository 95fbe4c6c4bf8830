package org.commonsimpact.publicdumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WikiListTest {
  @TempDir Path temp;

  static final String SITEMATRIX = "{\"sitematrix\":{\"count\":5,"
      + "\"0\":{\"code\":\"en\",\"name\":\"English\",\"site\":["
      + "{\"url\":\"https://en.wikipedia.org\",\"dbname\":\"enwiki\",\"code\":\"wiki\",\"sitename\":\"Wikipedia\"},"
      + "{\"url\":\"https://en.wikibooks.org\",\"dbname\":\"enwikibooks\",\"code\":\"wikibooks\",\"sitename\":\"Wikibooks\",\"closed\":\"\"}],"
      + "\"dir\":\"ltr\",\"localname\":\"English\"},"
      + "\"1\":{\"code\":\"fr\",\"name\":\"fran\u00e7ais\",\"site\":["
      + "{\"url\":\"https://fr.wikipedia.org\",\"dbname\":\"frwiki\",\"code\":\"wiki\",\"sitename\":\"Wikip\u00e9dia\"}]},"
      + "\"specials\":["
      + "{\"url\":\"https://commons.wikimedia.org\",\"dbname\":\"commonswiki\",\"code\":\"commons\",\"lang\":\"commons\",\"sitename\":\"Wikimedia Commons\"},"
      + "{\"url\":\"https://www.wikidata.org\",\"dbname\":\"wikidatawiki\",\"code\":\"wikidata\",\"lang\":\"wikidata\",\"sitename\":\"Wikidata\"},"
      + "{\"url\":\"https://board.wikimedia.org\",\"dbname\":\"boardwiki\",\"code\":\"board\",\"lang\":\"board\",\"private\":\"\"}]}}";

  @Test
  void siteMatrixGivesCodesAndHostsWithoutPrivateWikis() {
    Path file = DumpFiles.write(temp.resolve("sitematrix.json"), SITEMATRIX);
    assertEquals(Map.of("enwiki", "en.wikipedia.org", "enwikibooks", "en.wikibooks.org",
        "frwiki", "fr.wikipedia.org", "commonswiki", "commons.wikimedia.org",
        "wikidatawiki", "www.wikidata.org"), WikiList.read(file));
  }

  @Test
  void tsvListAndErrors() {
    Path tsv = DumpFiles.write(temp.resolve("wikis.tsv"),
        "database_code\tdomain_name\nenwiki\ten.wikipedia.org\n");
    assertEquals(Map.of("enwiki", "en.wikipedia.org"), WikiList.read(tsv));
    Path bad = DumpFiles.write(temp.resolve("bad.tsv"), "enwiki en.wikipedia.org\n");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> WikiList.read(bad));
    assertTrue(e.getMessage().startsWith(bad + ": line 1:"), e.getMessage());
    Path json = DumpFiles.write(temp.resolve("x.json"), "{\"error\":{}}");
    e = assertThrows(InvalidInputException.class, () -> WikiList.read(json));
    assertTrue(e.getMessage().contains("no \"sitematrix\" object"), e.getMessage());
  }

  @Test
  void domainCodesAreBuiltAndInvertedNeverGuessed() {
    Map<String, String> codes = DomainCodes.codes(List.of("en.wikipedia.org",
        "en.wikibooks.org", "commons.wikimedia.org", "www.wikidata.org", "de.wikivoyage.org"));
    assertEquals("en.wikipedia", codes.get("en"));
    assertEquals("en.wikipedia", codes.get("en.m"));
    assertEquals("en.wikibooks", codes.get("en.b"));
    assertEquals("en.wikibooks", codes.get("en.m.b"));
    assertEquals("commons.wikimedia", codes.get("commons.m"));
    assertEquals("commons.wikimedia", codes.get("commons.m.m"));
    assertEquals("www.wikidata", codes.get("www.wd"));
    assertEquals("www.wikidata", codes.get("m.wd"));
    assertEquals("de.wikivoyage", codes.get("de.m.voy"));
    assertEquals(10, codes.size());
    // "m" would be both the desktop code of a language "m" Wikipedia and nothing else here; a
    // code two wikis would share is dropped rather than guessed.
    Map<String, String> clash = DomainCodes.codes(List.of("x.wikipedia.org", "x.wikimedia.org",
        "x.m.wikipedia.org"));
    assertEquals(null, clash.get("x.m"));
  }
}
