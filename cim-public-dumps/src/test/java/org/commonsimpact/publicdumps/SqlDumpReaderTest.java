package org.commonsimpact.publicdumps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlDumpReaderTest {
  @TempDir Path temp;

  private static SqlDumpReader reader(byte[] dump, String... wanted) {
    return new SqlDumpReader(new ByteArrayInputStream(dump), "t.sql", List.of(wanted));
  }

  @Test
  void columnsAreFoundByNameWhateverTheirOrder() {
    byte[] a = DumpFiles.sqlDump("linktarget", new String[] {"lt_id", "lt_namespace", "lt_title"},
        2, "(1,14,'Foo')", "(2,6,'Bar.jpg')", "(3,14,'Baz')");
    byte[] b = DumpFiles.sqlDump("linktarget", new String[] {"lt_title", "lt_id", "lt_namespace"},
        1, "('Foo',1,14)", "('Bar.jpg',2,6)", "('Baz',3,14)");
    for (byte[] dump : List.of(a, b)) {
      SqlDumpReader r = reader(dump, "lt_id", "lt_namespace", "lt_title");
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(r.number("lt_id") + "/" + r.number("lt_namespace") + "/" + r.string("lt_title"));
      }
      assertEquals(List.of("1/14/Foo", "2/6/Bar.jpg", "3/14/Baz"), rows);
      assertEquals("linktarget", r.table());
    }
  }

  @Test
  void everyEscapeAndNull() {
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "s"}, 3,
        "(1,'a\\\\b\\'c\\\"d')", "(2,'\\0\\n\\r\\Z\\b\\t\\x')", "(3,NULL)", "(4,'it''s')",
        "(5,'')", "(-6,'x')");
    SqlDumpReader r = reader(dump, "id", "s");
    assertTrue(r.next());
    assertEquals("a\\b'c\"d", r.string("s"));
    assertTrue(r.next());
    assertArrayEquals(new byte[] {0, '\n', '\r', 26, '\b', '\t', 'x'}, r.bytes("s"));
    assertTrue(r.next());
    assertTrue(r.isNull("s"));
    assertNull(r.string("s"));
    assertTrue(r.next());
    assertEquals("it's", r.string("s"));
    assertTrue(r.next());
    assertEquals("", r.string("s"));
    assertTrue(r.next());
    assertEquals(-6L, r.number("id"));
    assertFalse(r.next());
    assertEquals(6, r.tuples());
  }

  @Test
  void stringsMayHoldTupleSeparatorsQuotesAndSemicolons() {
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "s", "n"}, 2,
        "(1,'a),(b;\\'),(\\'',7)", "(2,'\\\\',8)", "(3,';\n(',9)");
    SqlDumpReader r = reader(dump, "id", "s", "n");
    assertTrue(r.next());
    assertEquals("a),(b;'),('", r.string("s"));
    assertEquals(7L, r.number("n"));
    assertTrue(r.next());
    assertEquals("\\", r.string("s"));
    assertEquals(8L, r.number("n"));
    assertTrue(r.next());
    assertEquals(";\n(", r.string("s"));
    assertFalse(r.next());
  }

  @Test
  void bytesAreKeptAsTheyAreNotDecoded() {
    // A binary sort key (not UTF-8) next to a UTF-8 title.
    String tuple = "(1,'\u00ff\u00fe\u0000\u0080','Caf\u00c3\u00a9')";
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "key", "title"}, 1, tuple);
    SqlDumpReader r = reader(dump, "key", "title");
    assertTrue(r.next());
    assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80}, r.bytes("key"));
    assertEquals("Café", r.string("title"));
  }

  @Test
  void hugeValuesWantedOrSkipped() {
    char[] big = new char[12 * 1024 * 1024];
    Arrays.fill(big, 'm');
    big[5] = '\\';
    big[6] = '\''; // an escaped quote inside the huge value
    String huge = new String(big);
    byte[] dump = DumpFiles.sqlDump("image", new String[] {"img_name", "img_metadata", "n"}, 2,
        "('A.jpg','" + huge + "',1)", "('B.jpg','small',2)");
    SqlDumpReader skipping = reader(dump, "img_name", "n");
    assertTrue(skipping.next());
    assertEquals("A.jpg", skipping.string("img_name"));
    assertEquals(1L, skipping.number("n"));
    assertTrue(skipping.next());
    assertEquals("B.jpg", skipping.string("img_name"));
    SqlDumpReader keeping = reader(dump, "img_metadata");
    assertTrue(keeping.next());
    assertEquals(big.length - 1, keeping.bytes("img_metadata").length);
  }

  @Test
  void gzipAndBzip2FilesAreReadThroughTheirDecompressor() throws Exception {
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id"}, 2, "(1)", "(2)", "(3)");
    for (String name : List.of("a.sql.gz", "a.sql.bz2", "a.sql")) {
      Path file = DumpFiles.write(temp.resolve(name), dump);
      try (SqlDumpReader r = new SqlDumpReader(DumpStreams.open(file), name, List.of("id"))) {
        long sum = 0;
        while (r.next()) {
          sum += r.number("id");
        }
        assertEquals(6, sum, name);
      }
    }
  }

  @Test
  void truncatedGzipIsAnErrorNamingTheFile() {
    String[] tuples = new String[20000];
    for (int i = 0; i < tuples.length; i++) {
      tuples[i] = "(" + i + ",'title number " + (i * 7919L % 100003) + "')";
    }
    Path file = DumpFiles.write(temp.resolve("x-page.sql.gz"),
        DumpFiles.sqlDump("page", new String[] {"id", "t"}, 100, tuples));
    DumpFiles.truncate(file, 0.5);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
      try (SqlDumpReader r = new SqlDumpReader(DumpStreams.open(file), file.toString(),
          List.of("id"))) {
        while (r.next()) {
          r.number("id");
        }
      }
    });
    assertTrue(e.getMessage().startsWith(file + ": byte "), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void truncatedPlainDumpInsideATupleIsAnError() {
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "s"}, 1, "(1,'abc')");
    String text = new String(dump, StandardCharsets.UTF_8);
    byte[] cut = text.substring(0, text.indexOf("'abc") + 3).getBytes(StandardCharsets.UTF_8);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> drain(reader(cut, "id", "s")));
    assertTrue(e.getMessage().contains("end of file inside a quoted string"), e.getMessage());
  }

  @Test
  void malformedTuplesAreErrorsWithTheBytePosition() {
    String[][] cases = {
      {"(1,'a')x", "expected ',' or ';' after a tuple"},
      {"(1,'a'x", "expected ',' or ')' after a value"},
      {"(1,abc)", "expected a value"},
      {"(1,)", "expected a value"},
      {"(1,NUL)", "expected 'L'"},
      {"(1,'a',3)", "more values than the 2 columns"},
      {"(1)", "has 1 values, CREATE TABLE `t` has 2 columns"},
      {"1,'a')", "expected '('"},
    };
    for (String[] c : cases) {
      byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "s"}, 1, c[0]);
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> drain(reader(dump, "id", "s")), c[0]);
      assertTrue(e.getMessage().startsWith("t.sql: byte "), e.getMessage());
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
    // The position is the offending byte's offset in the uncompressed stream.
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "s"}, 1, "(1,'a'x");
    int at = new String(dump, StandardCharsets.ISO_8859_1).indexOf("'a'x") + 3;
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> drain(reader(dump, "id", "s")));
    assertTrue(e.getMessage().startsWith("t.sql: byte " + at + ":"), e.getMessage());
  }

  @Test
  void notAnIntegerIsAnError() {
    byte[] dump = DumpFiles.sqlDump("t", new String[] {"id", "s"}, 1, "(1.5,'a')");
    SqlDumpReader r = reader(dump, "id");
    assertTrue(r.next());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.number("id"));
    assertTrue(e.getMessage().contains("column id is not an integer: '1.5'"), e.getMessage());
    byte[] big = DumpFiles.sqlDump("t", new String[] {"id", "s"}, 1, "(1,'a')", "(3000000000,'b')");
    SqlDumpReader wide = reader(big, "id");
    assertTrue(wide.next());
    assertEquals(1, wide.integer("id"));
    assertTrue(wide.next());
    e = assertThrows(InvalidInputException.class, () -> wide.integer("id"));
    assertTrue(e.getMessage().matches("t\\.sql: byte \\d+: tuple 2: column id is out of the INT "
        + "range: 3000000000"), e.getMessage());
  }

  @Test
  void headerDefectsAreErrors() {
    InvalidInputException none = assertThrows(InvalidInputException.class,
        () -> drain(reader("-- nothing\n".getBytes(StandardCharsets.UTF_8), "id")));
    assertTrue(none.getMessage().contains("no CREATE TABLE block"), none.getMessage());
    InvalidInputException early = assertThrows(InvalidInputException.class, () -> drain(reader(
        "INSERT INTO `t` VALUES (1);\n".getBytes(StandardCharsets.UTF_8), "id")));
    assertTrue(early.getMessage().contains("INSERT before any CREATE TABLE"), early.getMessage());
    byte[] dump = DumpFiles.sqlDump("page", new String[] {"page_id", "page_title"}, 1, "(1,'A')");
    SqlDumpReader r = reader(dump, "page_id");
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> SqlTable.PAGE.check(r, "t.sql"));
    assertTrue(missing.getMessage().startsWith("t.sql: missing required column page_namespace"),
        missing.getMessage());
  }

  @Test
  void categorylinksLayoutsAllImport() {
    String[] legacy = {"cl_from", "cl_to", "cl_sortkey", "cl_timestamp", "cl_sortkey_prefix",
        "cl_collation", "cl_type"};
    String[] transitional = {"cl_from", "cl_to", "cl_sortkey", "cl_timestamp",
        "cl_sortkey_prefix", "cl_collation", "cl_type", "cl_collation_id", "cl_target_id"};
    String[] current = {"cl_from", "cl_sortkey", "cl_timestamp", "cl_sortkey_prefix", "cl_type",
        "cl_collation_id", "cl_target_id"};
    String key = "'\u00ff\u0001KEY'";
    List<String> rows = new ArrayList<>();
    for (byte[] dump : List.of(
        DumpFiles.sqlDump("categorylinks", legacy, 1,
            "(10,'Foo'," + key + ",'2024-01-01 00:00:00','','uca','subcat')"),
        DumpFiles.sqlDump("categorylinks", transitional, 1,
            "(10,'Foo'," + key + ",'2024-01-01 00:00:00','','uca','subcat',1,77)"),
        DumpFiles.sqlDump("categorylinks", current, 1,
            "(10," + key + ",'2024-01-01 00:00:00','','subcat',1,77)"))) {
      SqlDumpReader r = reader(dump, SqlTable.CATEGORYLINKS.wanted().toArray(new String[0]));
      SqlTable.CATEGORYLINKS.check(r, "t.sql");
      assertTrue(r.next());
      rows.add(SqlTable.CATEGORYLINKS.row("commonswiki", r).toString());
      assertFalse(r.next());
    }
    assertEquals(List.of("[commonswiki,10,null,Foo,subcat]", "[commonswiki,10,77,Foo,subcat]",
        "[commonswiki,10,77,null,subcat]"), rows);
    byte[] neither = DumpFiles.sqlDump("categorylinks", new String[] {"cl_from", "cl_type"}, 1,
        "(1,'page')");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlTable
        .CATEGORYLINKS.check(reader(neither, "cl_from"), "t.sql"));
    assertTrue(e.getMessage().contains("missing required column cl_target_id or cl_to"),
        e.getMessage());
  }

  private static void drain(SqlDumpReader r) {
    while (r.next()) {
      // read every tuple
    }
  }

  @Test
  void windowsLineEndsAndEmptyDumps() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = DumpFiles.sqlHeader("t", new String[] {"id"}).getBytes(StandardCharsets.UTF_8);
    out.writeBytes(header);
    out.writeBytes("INSERT INTO `t` VALUES (1),(2);\r\n".getBytes(StandardCharsets.UTF_8));
    SqlDumpReader r = reader(out.toByteArray(), "id");
    drain(r);
    assertEquals(2, r.tuples());
    SqlDumpReader empty = reader(header, "id");
    assertFalse(empty.next());
  }
}
