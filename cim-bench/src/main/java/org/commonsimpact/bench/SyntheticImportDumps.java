package org.commonsimpact.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The synthetic dump files {@link ImportReadersBenchmark} reads: a {@code categorylinks} SQL dump
 * in the current layout and a {@code stub-meta-history} XML stub of File pages, each of a given
 * uncompressed size and the same bytes for the same size (fixed seeds), and their gzip copies.
 */
final class SyntheticImportDumps {
  private static final int TUPLES_PER_INSERT = 5000;

  private SyntheticImportDumps() {}

  /**
   * Writes a {@code categorylinks} dump of at least {@code bytes} bytes (whole INSERT lines):
   * binary sort keys with escapes, timestamps, 5000 tuples per INSERT line, 70% of them files.
   */
  static void writeCategorylinks(Path file, long bytes) throws IOException {
    Random random = new Random(42);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, "-- MariaDB dump 10.19\n/*!40101 SET NAMES binary */;\n"
          + "CREATE TABLE `categorylinks` (\n  `cl_from` int(10) unsigned NOT NULL DEFAULT 0,\n"
          + "  `cl_sortkey` varbinary(230) NOT NULL DEFAULT '',\n"
          + "  `cl_timestamp` timestamp NOT NULL DEFAULT current_timestamp(),\n"
          + "  `cl_sortkey_prefix` varbinary(255) NOT NULL DEFAULT '',\n"
          + "  `cl_type` enum('page','subcat','file') NOT NULL DEFAULT 'page',\n"
          + "  `cl_collation_id` smallint(5) unsigned NOT NULL DEFAULT 0,\n"
          + "  `cl_target_id` bigint(20) unsigned NOT NULL,\n"
          + "  PRIMARY KEY (`cl_from`,`cl_target_id`)\n) ENGINE=InnoDB DEFAULT CHARSET=binary;\n");
      long written = 0;
      long from = 1;
      StringBuilder line = new StringBuilder(1 << 20);
      while (written < bytes) {
        line.setLength(0);
        line.append("INSERT INTO `categorylinks` VALUES ");
        for (int t = 0; t < TUPLES_PER_INSERT; t++) {
          if (t > 0) {
            line.append(',');
          }
          line.append('(').append(from).append(",'");
          int keyLength = 20 + random.nextInt(40);
          for (int k = 0; k < keyLength; k++) {
            int c = 0x20 + random.nextInt(0xdf);
            if (c == '\'' || c == '\\') {
              line.append('\\');
            }
            line.append((char) c);
          }
          line.append("\\0\\n','20").append(10 + random.nextInt(16)).append("-0")
              .append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
              .append(" 12:34:56','','").append(random.nextInt(10) < 7 ? "file" : "page")
              .append("',1,").append(1 + random.nextInt(30_000_000)).append(')');
          from += random.nextInt(3);
        }
        line.append(";\n");
        byte[] chunk = line.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(chunk);
        written += chunk.length;
      }
    }
  }

  /**
   * Writes a {@code stub-meta-history} stub of at least {@code bytes} bytes (whole pages): 80%
   * File pages, the rest categories, each with one to four revisions.
   */
  static void writeStubHistory(Path file, long bytes) throws IOException {
    Random random = new Random(7);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" "
          + "version=\"0.11\" xml:lang=\"en\">\n  <siteinfo>\n    <sitename>Wikimedia Commons"
          + "</sitename>\n  </siteinfo>\n");
      long written = 0;
      long page = 1;
      long rev = 1;
      StringBuilder text = new StringBuilder(1 << 16);
      while (written < bytes) {
        text.setLength(0);
        int ns = random.nextInt(10) < 8 ? 6 : 14;
        text.append("  <page>\n    <title>").append(ns == 6 ? "File:" : "Category:")
            .append("Synthetic image number ").append(page).append(".jpg</title>\n    <ns>")
            .append(ns).append("</ns>\n    <id>").append(page).append("</id>\n");
        int revisions = 1 + random.nextInt(4);
        for (int r = 0; r < revisions; r++) {
          text.append("    <revision>\n      <id>").append(rev).append("</id>\n");
          if (r > 0) {
            text.append("      <parentid>").append(rev - 1).append("</parentid>\n");
          }
          text.append("      <timestamp>2024-02-").append(10 + random.nextInt(18))
              .append("T12:34:56Z</timestamp>\n      <contributor>\n        <username>User ")
              .append(random.nextInt(100000)).append("</username>\n        <id>")
              .append(random.nextInt(1000000)).append("</id>\n      </contributor>\n"
                  + "      <comment>Uploaded a work by a museum with UploadWizard</comment>\n"
                  + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                  + "      <text bytes=\"1234\" sha1=\"phoiac9h4m842xq45sp7s6u21eteeq1\" "
                  + "location=\"tt:123\" id=\"123\" />\n"
                  + "      <sha1>phoiac9h4m842xq45sp7s6u21eteeq1</sha1>\n    </revision>\n");
          rev++;
        }
        text.append("  </page>\n");
        byte[] chunk = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(chunk);
        written += chunk.length;
        page++;
      }
      write(out, "</mediawiki>\n");
    }
  }

  /** Writes {@code file}'s gzip copy next to it ({@code <name>.gz}) and returns its path. */
  static Path gzip(Path file) throws IOException {
    Path gz = file.resolveSibling(file.getFileName() + ".gz");
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
      in.transferTo(out);
    }
    return gz;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
