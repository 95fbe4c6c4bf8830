package org.commonsimpact.publicdumps;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cim bench-import}: parse speed of the SQL and XML dump readers on synthetic files. */
@Command(
    name = "bench-import",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the parse speed of the import-dumps readers on synthetic files.",
      "",
      "One core each: the SQL dump reader on a synthetic categorylinks dump (current layout: binary sort keys with escapes, "
          + "timestamps, 5000 tuples per INSERT line) and the stub-meta-history XML reader on a "
          + "synthetic stub of File pages, each read plain and through gzip.",
      "",
      "Prints one TSV line per run on stdout: reader, input, uncompressed MB, seconds, MB/s of "
          + "uncompressed input. The files are written under --dir (a temporary folder by "
          + "default) and deleted afterwards."
    })
public final class BenchImportCommand implements Runnable {
  @Option(names = "--megabytes", paramLabel = "MB", defaultValue = "200",
      description = "Uncompressed size of each synthetic file (default: ${DEFAULT-VALUE}).")
  int megabytes;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
      description = "Timed reads of each file; the first warms the JIT (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the synthetic files.")
  Path dir;

  @Override
  public void run() {
    try {
      Path work = dir != null ? Files.createDirectories(dir)
          : Files.createTempDirectory("cim-bench-import");
      long bytes = (long) megabytes * 1_000_000L;
      Path sql = work.resolve("bench-categorylinks.sql");
      Path xml = work.resolve("bench-stub-meta-history.xml");
      writeSql(sql, bytes);
      writeXml(xml, bytes);
      Path sqlGz = gzip(sql);
      Path xmlGz = gzip(xml);
      System.out.println("reader\tinput\tuncompressed_mb\tseconds\tmb_per_s");
      for (int round = 0; round < rounds; round++) {
        for (Path file : List.of(sql, sqlGz)) {
          time("sql", file, Files.size(sql), () -> readSql(file));
        }
        for (Path file : List.of(xml, xmlGz)) {
          time("xml", file, Files.size(xml), () -> readXml(file));
        }
      }
      for (Path file : List.of(sql, sqlGz, xml, xmlGz)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void time(String reader, Path file, long uncompressed, Runnable read) {
    long start = System.nanoTime();
    read.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double mb = uncompressed / 1e6;
    System.out.println(String.format(Locale.ROOT, "%s\t%s\t%.1f\t%.2f\t%.1f", reader,
        file.getFileName(), mb, seconds, mb / seconds));
  }

  private static long readSql(Path file) {
    try (SqlDumpReader reader = new SqlDumpReader(DumpStreams.open(file), file.toString(),
        SqlTable.CATEGORYLINKS.wanted())) {
      SqlTable.CATEGORYLINKS.check(reader, file.toString());
      long rows = 0;
      while (reader.next()) {
        SqlTable.CATEGORYLINKS.row("commonswiki", reader);
        rows++;
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long readXml(Path file) {
    try (StubHistoryReader reader = new StubHistoryReader(DumpStreams.open(file),
        file.toString())) {
      long rows = 0;
      while (reader.next()) {
        rows++;
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSql(Path file, long bytes) throws IOException {
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
        for (int t = 0; t < 5000; t++) {
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

  private static void writeXml(Path file, long bytes) throws IOException {
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

  private static Path gzip(Path file) throws IOException {
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
