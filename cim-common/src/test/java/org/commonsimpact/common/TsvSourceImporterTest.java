package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvSourceImporterTest {
  @TempDir Path temp;

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Test
  void parsesByHeaderNameWithNullsCrAndExtraColumns() throws IOException {
    Path file =
        write("wikis.tsv", "extra\tdomain_name\tdatabase_code\r\nx\ten.wikipedia.org\tenwiki\r\ny\t\\N\t\"q\"\n");
    var rows = TsvSourceImporter.parse(SourceTables.WIKIS, file);
    assertEquals(2, rows.size());
    assertEquals("enwiki", rows.get(0).getString(0));
    assertEquals("en.wikipedia.org", rows.get(0).getString(1));
    assertEquals("\"q\"", rows.get(1).getString(0));
    assertEquals(null, rows.get(1).get(1));
  }

  @Test
  void wrongFieldCountNamesFileAndLine() throws IOException {
    Path file = write("wikis.tsv", "database_code\tdomain_name\nenwiki\ten.wikipedia.org\nbad\n");
    var e = assertThrows(InvalidInputException.class,
        () -> TsvSourceImporter.parse(SourceTables.WIKIS, file));
    assertTrue(e.getMessage().contains("wikis.tsv:3"), e.getMessage());
  }

  @Test
  void missingColumnAndBadIntegerAreErrors() throws IOException {
    Path noColumn = write("mediawiki_actor.tsv", "wiki_db\tsnapshot\tactor_id\tactor_name\n");
    var e1 = assertThrows(InvalidInputException.class,
        () -> TsvSourceImporter.parse(SourceTables.MEDIAWIKI_ACTOR, noColumn));
    assertTrue(e1.getMessage().contains("missing column actor_user"), e1.getMessage());

    Path badInt = write("mediawiki_actor.tsv",
        "wiki_db\tsnapshot\tactor_id\tactor_user\tactor_name\ncommonswiki\t2024-02\tx1\t1\tA\n");
    var e2 = assertThrows(InvalidInputException.class,
        () -> TsvSourceImporter.parse(SourceTables.MEDIAWIKI_ACTOR, badInt));
    assertTrue(e2.getMessage().contains("mediawiki_actor.tsv:2") && e2.getMessage().contains("actor_id"),
        e2.getMessage());
  }

  @Test
  void failedImportLeavesPreviousTablesUnchanged() throws IOException {
    SparkSession session = SparkTestSupport.goldenSession(temp);
    long before = session.table("source.mediawiki_page").count();
    Path bad = new TestWorld().page(1, 14, "X").writeTsv(temp.resolve("bad"));
    Files.writeString(bad.resolve("wikis.tsv"), "database_code\tdomain_name\nonly_one_field\n");
    assertThrows(InvalidInputException.class, () -> new TsvSourceImporter(session).importAll(bad));
    assertEquals(before, session.table("source.mediawiki_page").count());

    Path missing = temp.resolve("empty");
    Files.createDirectories(missing);
    var e = assertThrows(InvalidInputException.class,
        () -> new TsvSourceImporter(session).importAll(missing));
    assertTrue(e.getMessage().contains("mediawiki_page.tsv"), e.getMessage());
    assertEquals(before, session.table("source.mediawiki_page").count());
  }

  @Test
  void goldenImportKeepsEveryRow() {
    SparkSession session = SparkTestSupport.goldenSession(temp);
    for (SourceTables table : SourceTables.values()) {
      List<String> file = SparkTestSupport.readLines(
          SparkTestSupport.goldenDir().resolve("input").resolve(table.tableName() + ".tsv"));
      assertEquals(file.size() - 1, session.table(table.qualifiedName()).count(), table.tableName());
    }
  }
}
