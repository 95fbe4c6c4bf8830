package org.commonsimpact.publicdumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubHistoryReaderTest {
  @TempDir Path temp;

  static final String HEAD = "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" "
      + "version=\"0.11\" xml:lang=\"en\">\n  <siteinfo>\n    <sitename>Wikimedia Commons</sitename>\n"
      + "    <namespaces><namespace key=\"6\" case=\"first-letter\">File</namespace></namespaces>\n"
      + "  </siteinfo>\n";

  static String page(String title, int ns, long id, String... revisions) {
    return "  <page>\n    <title>" + title + "</title>\n    <ns>" + ns + "</ns>\n    <id>" + id
        + "</id>\n" + String.join("", revisions) + "  </page>\n";
  }

  static String revision(long id, Long parent, String timestamp, String contributor,
      boolean commentDeleted, boolean textDeleted) {
    return "    <revision>\n      <id>" + id + "</id>\n"
        + (parent == null ? "" : "      <parentid>" + parent + "</parentid>\n")
        + "      <timestamp>" + timestamp + "</timestamp>\n      " + contributor + "\n"
        + "      <minor />\n"
        + (commentDeleted ? "      <comment deleted=\"deleted\" />\n"
            : "      <comment>fix &lt;b&gt;</comment>\n")
        + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
        + (textDeleted ? "      <text bytes=\"12\" sha1=\"abc\" deleted=\"deleted\" />\n"
            : "      <text bytes=\"12\" sha1=\"abc\" location=\"tt:1\" id=\"1\" />\n")
        + "      <sha1>abc</sha1>\n    </revision>\n";
  }

  static String user(String name, long id) {
    return "<contributor>\n        <username>" + name + "</username>\n        <id>" + id
        + "</id>\n      </contributor>";
  }

  static String ip(String ip) {
    return "<contributor>\n        <ip>" + ip + "</ip>\n      </contributor>";
  }

  static final String DELETED = "<contributor deleted=\"deleted\" />";

  private static List<String> read(Path file) {
    List<String> out = new ArrayList<>();
    try (StubHistoryReader r = new StubHistoryReader(DumpStreams.open(file), file.toString())) {
      while (r.next()) {
        out.add(r.revId + " " + r.revPage + " " + r.timestamp + " " + r.parentId + " " + r.deleted
            + " " + r.actorName + " " + r.actorUser);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void revisionsOfFilePagesWithDeletionBitsAndContributors() {
    String xml = HEAD
        + page("Main Page", 0, 1, revision(1, null, "2024-01-01T00:00:00Z", user("Zed", 3),
            false, false))
        + page("File:A b.jpg", 6, 1001,
            revision(10, null, "2024-02-03T10:15:00Z", user("Alice", 11), false, false),
            revision(11, 10L, "2024-02-04T00:00:00Z", ip("192.0.2.1"), true, false),
            revision(12, 11L, "2024-02-05T01:02:03Z", DELETED, true, true),
            revision(13, 12L, "2024-02-06T00:00:00Z", user("Bob", 0), false, true))
        + page("Category:C", 14, 2000, revision(20, null, "2024-02-01T00:00:00Z",
            user("Alice", 11), false, false))
        + "</mediawiki>\n";
    Path file = DumpFiles.write(temp.resolve("commonswiki-20240301-stub-meta-history.xml.gz"),
        xml);
    assertEquals(List.of(
        "10 1001 20240203101500 0 0 Alice 11",
        "11 1001 20240204000000 10 2 192.0.2.1 null",
        "12 1001 20240205010203 11 7 null null",
        "13 1001 20240206000000 12 1 Bob null"), read(file));
  }

  @Test
  void malformedXmlNamesFileAndLine() {
    String xml = HEAD + "  <page>\n    <title>File:X</title>\n    <ns>6</ns>\n    <id>5</id>\n"
        + "    <revision>\n      <id>1</id>\n      <timestamp>2024-02-01T00:00:00Z</timestamp>\n"
        + "      <contributor><username>A</username><id>1</id></contributor>\n"
        + "    </revisio>\n  </page>\n</mediawiki>\n";
    Path file = DumpFiles.write(temp.resolve("bad.xml.gz"), xml);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file));
    assertTrue(e.getMessage().equals(file + ": line 14: malformed XML: Unexpected close tag </revisio>; expected </revision>."), e.getMessage());
  }

  @Test
  void badTimestampIsAnError() {
    String xml = HEAD + page("File:X", 6, 5,
        revision(1, null, "2024-02-01 00:00:00", user("A", 1), false, false)) + "</mediawiki>\n";
    Path file = DumpFiles.write(temp.resolve("ts.xml.gz"), xml);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file));
    assertTrue(e.getMessage().contains("timestamp not in yyyy-MM-ddTHH:mm:ssZ form"),
        e.getMessage());
  }

  @Test
  void truncatedGzipIsAnError() {
    StringBuilder xml = new StringBuilder(HEAD);
    for (int p = 0; p < 3000; p++) {
      xml.append(page("File:P" + p + ".jpg", 6, p + 1,
          revision(p + 1, null, "2024-02-01T00:00:00Z", user("U" + (p * 7919 % 1009), p + 1),
              false, false)));
    }
    xml.append("</mediawiki>\n");
    Path file = DumpFiles.write(temp.resolve("cut.xml.gz"), xml.toString());
    DumpFiles.truncate(file, 0.6);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file));
    assertTrue(e.getMessage().startsWith(file + ": line "), e.getMessage());
  }
}
