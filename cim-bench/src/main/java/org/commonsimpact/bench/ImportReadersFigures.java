package org.commonsimpact.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one import readers benchmark ({@link ImportReadersBenchmark}): every timed read
 * of a synthetic dump file, in the order they ran. {@code cim bench-import} prints them with
 * {@link #lines()}.
 *
 * @param runs the timed reads, in order
 */
record ImportReadersFigures(List<Run> runs) {
  /** The header of the printed table. */
  static final String HEADER = "reader\tinput\tuncompressed_mb\tseconds\tmb_per_s";

  /**
   * One timed read of a whole file.
   *
   * @param reader {@code sql} (the SQL dump reader) or {@code xml} (the stub XML reader)
   * @param input the file's name
   * @param uncompressedBytes the file's uncompressed size
   * @param seconds the wall time of the read
   * @param rows the rows the reader gave (tuples, or revisions of File pages)
   */
  record Run(String reader, String input, long uncompressedBytes, double seconds, long rows) {
    /** Uncompressed megabytes (10^6 bytes). */
    double megabytes() {
      return uncompressedBytes / 1e6;
    }

    /** Uncompressed megabytes read per second. */
    double megabytesPerSecond() {
      return megabytes() / seconds;
    }
  }

  ImportReadersFigures {
    runs = List.copyOf(runs);
  }

  /**
   * The figures as {@code cim bench-import} prints them: a header, then one TSV line per run
   * (reader, input, uncompressed MB, seconds, MB/s of uncompressed input).
   */
  List<String> lines() {
    List<String> lines = new ArrayList<>(runs.size() + 1);
    lines.add(HEADER);
    for (Run run : runs) {
      lines.add(String.format(Locale.ROOT, "%s\t%s\t%.1f\t%.2f\t%.1f", run.reader(), run.input(),
          run.megabytes(), run.seconds(), run.megabytesPerSecond()));
    }
    return lines;
  }
}
