package org.commonsimpact.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.commonsimpact.publicdumps.ReaderThroughput;

/**
 * The import readers benchmark: the parse speed of the readers {@code import-dumps} uses, on
 * synthetic files ({@link SyntheticImportDumps}). It measures and returns the figures
 * ({@link ImportReadersFigures}); printing them is the caller's ({@code cim bench-import}).
 *
 * <p>It writes a {@code categorylinks} SQL dump and a {@code stub-meta-history} XML stub of the
 * asked uncompressed size, and their gzip copies, then for each round reads the SQL dump plain
 * and gzipped, then the stub plain and gzipped, each whole and on the calling thread (one core),
 * through {@link ReaderThroughput}. The first round warms the JIT; it is reported like the
 * others. The files are deleted at the end.
 */
final class ImportReadersBenchmark {
  private final long bytes;
  private final int rounds;
  private final Path dir;

  /**
   * @param bytes uncompressed size of each synthetic file (at least; whole lines or pages)
   * @param rounds timed reads of each file
   * @param dir folder for the files (created if missing), or null for a new temporary folder
   */
  ImportReadersBenchmark(long bytes, int rounds, Path dir) {
    this.bytes = bytes;
    this.rounds = rounds;
    this.dir = dir;
  }

  /** Writes the files, times the reads and deletes the files. */
  ImportReadersFigures run() throws IOException {
    boolean temporary = dir == null;
    Path work = temporary ? Files.createTempDirectory("cim-bench-import")
        : Files.createDirectories(dir);
    Path sql = work.resolve("bench-categorylinks.sql");
    Path xml = work.resolve("bench-stub-meta-history.xml");
    List<Path> written = new ArrayList<>();
    try {
      written.add(sql);
      SyntheticImportDumps.writeCategorylinks(sql, bytes);
      written.add(xml);
      SyntheticImportDumps.writeStubHistory(xml, bytes);
      Path sqlGz = SyntheticImportDumps.gzip(sql);
      written.add(sqlGz);
      Path xmlGz = SyntheticImportDumps.gzip(xml);
      written.add(xmlGz);
      long sqlBytes = Files.size(sql);
      long xmlBytes = Files.size(xml);
      List<ImportReadersFigures.Run> runs = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (Path file : List.of(sql, sqlGz)) {
          runs.add(time("sql", file, sqlBytes, ReaderThroughput::readCategorylinks));
        }
        for (Path file : List.of(xml, xmlGz)) {
          runs.add(time("xml", file, xmlBytes, ReaderThroughput::readStubHistory));
        }
      }
      return new ImportReadersFigures(runs);
    } finally {
      for (Path file : written) {
        Files.deleteIfExists(file);
      }
      if (temporary) {
        Files.deleteIfExists(work);
      }
    }
  }

  private static ImportReadersFigures.Run time(String reader, Path file, long uncompressed,
      ToLongFunction<Path> read) {
    long start = System.nanoTime();
    long rows = read.applyAsLong(file);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new ImportReadersFigures.Run(reader, file.getFileName().toString(), uncompressed,
        seconds, rows);
  }
}
