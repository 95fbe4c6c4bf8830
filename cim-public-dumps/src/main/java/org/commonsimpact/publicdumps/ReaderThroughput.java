package org.commonsimpact.publicdumps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a whole dump file with the import-dumps readers and counts what they gave, so that a
 * benchmark outside this package ({@code cim bench-import}, in cim-bench) can time the readers
 * without the readers themselves being public.
 *
 * <p>Each method does the reading import-dumps does for its dump, on the calling thread, with the
 * file opened by its name's ending ({@code .gz}, {@code .bz2}, else plain), and returns the count
 * of rows read. Errors are import-dumps' own: an invalid or missing file is an
 * {@link org.commonsimpact.common.InvalidInputException} naming it.
 */
public final class ReaderThroughput {
  private ReaderThroughput() {}

  /**
   * Reads a {@code categorylinks} SQL dump to its end, checking its columns and building every
   * row as import-dumps does (wiki {@code commonswiki}).
   *
   * @return the rows (tuples) read
   */
  public static long readCategorylinks(Path file) {
    SqlTable table = SqlTable.CATEGORYLINKS;
    try (SqlDumpReader reader =
        new SqlDumpReader(DumpStreams.open(file), file.toString(), table.wanted())) {
      table.check(reader, file.toString());
      long rows = 0;
      while (reader.next()) {
        table.row("commonswiki", reader);
        rows++;
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a {@code stub-meta-history} XML dump to its end.
   *
   * @return the revisions of File pages (namespace 6) read, the rows import-dumps keeps
   */
  public static long readStubHistory(Path file) {
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
}
