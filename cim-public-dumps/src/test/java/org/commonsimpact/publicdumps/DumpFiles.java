package org.commonsimpact.publicdumps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Writes test files in the public dumps' formats, compressed by the name's ending. */
final class DumpFiles {
  private DumpFiles() {}

  /** The bytes written to {@code file}: gzip for .gz, bzip2 for .bz2, else as they are. */
  static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = compressed(file)) {
        out.write(content);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String content) {
    return write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private static OutputStream compressed(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    String name = file.getFileName().toString();
    if (name.endsWith(".gz")) {
      return new GZIPOutputStream(raw);
    }
    if (name.endsWith(".bz2")) {
      return new BZip2CompressorOutputStream(raw);
    }
    return raw;
  }

  /** Cuts a file to its first {@code keep} bytes (a download cut off, a truncated dump). */
  static void truncate(Path file, double keepFraction) {
    try {
      byte[] all = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(all, (int) (all.length * keepFraction)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A mysqldump-like table dump: header comments, the CREATE TABLE block with the given columns in
   * that order, then INSERT lines of the given tuples (each already in SQL syntax, e.g.
   * {@code (1,'A',NULL)}), {@code perInsert} tuples per line.
   */
  static byte[] sqlDump(String table, String[] columns, int perInsert, String... tuples) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(sqlHeader(table, columns).getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < tuples.length; i += perInsert) {
        out.write(("INSERT INTO `" + table + "` VALUES ").getBytes(StandardCharsets.UTF_8));
        for (int j = i; j < Math.min(tuples.length, i + perInsert); j++) {
          if (j > i) {
            out.write(',');
          }
          out.write(tuples[j].getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(";\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("/*!40000 ALTER TABLE `" + table + "` ENABLE KEYS */;\n"
          + "-- Dump completed on 2024-03-02  1:02:03\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Tuples are given as UTF-8 text; see {@link #sqlDump}. */
  static byte[] sqlDumpUtf8(String table, String[] columns, String... tuples) {
    String[] latin = new String[tuples.length];
    for (int i = 0; i < tuples.length; i++) {
      latin[i] = new String(tuples[i].getBytes(StandardCharsets.UTF_8),
          StandardCharsets.ISO_8859_1);
    }
    return sqlDump(table, columns, 2, latin);
  }

  static String sqlHeader(String table, String[] columns) {
    StringBuilder s = new StringBuilder();
    s.append("/*M!999999\\- enable the sandbox mode */ \n");
    s.append("-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\n");
    s.append("-- Host: db1234    Database: testwiki\n");
    s.append("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n\n");
    s.append("DROP TABLE IF EXISTS `").append(table).append("`;\n");
    s.append("CREATE TABLE `").append(table).append("` (\n");
    for (String column : columns) {
      s.append("  `").append(column).append("` varbinary(255) NOT NULL DEFAULT '',\n");
    }
    s.append("  PRIMARY KEY (`").append(columns[0]).append("`),\n");
    s.append("  KEY `x` (`").append(columns[columns.length - 1]).append("`)\n");
    s.append(") ENGINE=InnoDB DEFAULT CHARSET=binary ROW_FORMAT=COMPRESSED;\n\n");
    s.append("/*!40000 ALTER TABLE `").append(table).append("` DISABLE KEYS */;\n");
    return s.toString();
  }
}
