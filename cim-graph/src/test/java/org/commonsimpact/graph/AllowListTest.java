package org.commonsimpact.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Each normalization rule of SPEC §2.2 and §9 on its own line. */
class AllowListTest {
  private static List<String> titles(String text) {
    return AllowList.parse(text.getBytes(StandardCharsets.UTF_8), "test").titles();
  }

  private static String one(String line) {
    List<String> t = titles(line + "\n");
    assertEquals(1, t.size(), line);
    return t.get(0);
  }

  @Test
  void trimsSkipsBlankAndCommentLinesAndDropsCr() {
    assertEquals(List.of("Foo", "Bar"), titles("  Foo \r\n\n   \n# comment\n  # indented comment\nBar\r\n"));
    // Only code points <= U+0020 are trimmed: a no-break space stays (and is no separator).
    assertEquals("\u00a0Foo", one("\u00a0Foo"));
  }

  @Test
  void percentDecodesAsUtf8BeforeOtherSteps() {
    assertEquals("Ed_&_Hazel", one("Ed_%26_Hazel"));
    assertEquals("Café", one("Caf%C3%A9"));
    assertEquals("Foo_bar", one("Category%3AFoo%20%20bar"));
    assertEquals("100%_sure", one("100%_sure"));
    assertEquals("A%2", one("A%2"));
    var e = assertThrows(InvalidInputException.class, () -> titles("Ok\nBad%C3%28\n"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> titles("%FF"));
  }

  @Test
  void stripsOneCategoryPrefixAsciiCaseInsensitively() {
    assertEquals("Foo", one("Category:Foo"));
    assertEquals("Foo", one("cAtEgOrY:Foo"));
    assertEquals("Category:Foo", one("Category:Category:Foo"));
    assertEquals("Foo_bar", one("Category: Foo  bar"));
    // Kelvin sign (U+212A) is not an ASCII K: no prefix stripped.
    assertEquals("\u212Aategory:X", one("\u212Aategory:X"));
  }

  @Test
  void collapsesSpacesAndUnderscoresAndUpperCasesFirstCodePoint() {
    assertEquals("Foo_bar_baz", one("_ foo __ bar_ _baz _"));
    assertEquals("Éclair", one("éclair"));
    assertEquals("ßtraße", one("ßtraße"));
    assertEquals("\uD801\uDC00x", one("\uD801\uDC28x")); // Deseret, outside the BMP
    assertEquals("1st", one("1st"));
  }

  @Test
  void emptyTitleIsKeptToBeReportedNotFound() {
    assertEquals(List.of("", "A"), titles("Category:\nA\n___\n%20\n"));
  }

  @Test
  void forbiddenCharactersStopAtTheFirstBadLine() {
    for (String bad : List.of("A#b", "A<b", "A>b", "A[b", "A]b", "A|b", "A{b", "A}b", "A\tb",
        "A%0Ab", "A%09b", "A%23b")) {
      var e = assertThrows(InvalidInputException.class, () -> titles("Good\n\n" + bad + "\nC[\n"),
          bad);
      assertTrue(e.getMessage().contains("line 3"), bad + ": " + e.getMessage());
    }
  }

  @Test
  void deduplicatesKeepingFileOrder() {
    assertEquals(List.of("Museum_A", "Museum_B", "Old_only"),
        titles("# x\nMuseum_A\nCategory:Museum B\n\nOld_only\nMuseum_A\ncategory:museum%20A\n"));
  }

  @Test
  void invalidUtf8FileIsAnError() {
    byte[] bytes = {'A', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
    assertThrows(InvalidInputException.class, () -> AllowList.parse(bytes, "f"));
  }
}
