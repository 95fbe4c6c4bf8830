package org.commonsimpact.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one dumps benchmark ({@link DumpsBenchmark}): what was written, how long each
 * writer took, and whether the writers' outputs agreed. {@code cim bench-dumps} prints them with
 * {@link #lines()}; {@code cim bench} reads {@link #speedup()} and includes the lines.
 *
 * @param rows rows of the synthetic table
 * @param cores cores available to the JVM
 * @param sortedPartitions partitions of the sorted lines (compression tasks of the parallel writer)
 * @param loadAtStart the 1-minute load average before the benchmark
 * @param loadAtEnd the 1-minute load average after it
 * @param uncompressedBytes size of the TSV text
 * @param parallelBytes size of the parallel writer's file
 * @param parallelStreams bzip2 streams in the parallel writer's file
 * @param streamBytes uncompressed bytes per bzip2 stream asked of the parallel writer
 * @param singleBytes size of the single-stream writer's file
 * @param generateSeconds time to generate the rows (not part of the comparison)
 * @param prepareSeconds time to format and sort the lines, shared by both writers
 * @param rounds the timed writes, in order
 * @param parallelIdentical whether every parallel run wrote the same bytes
 * @param parallelSha256 SHA-256 of the first parallel run's file
 * @param sameText whether both writers' files decompress to the same bytes, one line per row
 */
record DumpsFigures(long rows, int cores, int sortedPartitions, double loadAtStart,
    double loadAtEnd, long uncompressedBytes, long parallelBytes, int parallelStreams,
    long streamBytes, long singleBytes, double generateSeconds, double prepareSeconds,
    List<Round> rounds, boolean parallelIdentical, String parallelSha256, boolean sameText) {

  /**
   * One round: the single-stream writer then the parallel writer on the same sorted lines, each
   * with the average number of cores the JVM kept busy meanwhile.
   */
  record Round(double singleSeconds, double singleCores, double parallelSeconds,
      double parallelCores) {
    double speedup() {
      return singleSeconds / parallelSeconds;
    }
  }

  DumpsFigures {
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("the dumps benchmark needs a round");
    }
  }

  /** Best single-stream time / best parallel time. */
  double speedup() {
    double bestSingle = rounds.stream().mapToDouble(Round::singleSeconds).min().orElseThrow();
    double bestParallel = rounds.stream().mapToDouble(Round::parallelSeconds).min().orElseThrow();
    return bestSingle / bestParallel;
  }

  /** The speed-up of the first round with the shared format and sort added to both writers. */
  double speedupWithPrepare() {
    Round first = rounds.get(0);
    return (prepareSeconds + first.singleSeconds()) / (prepareSeconds + first.parallelSeconds());
  }

  /** Whether both checks hold: identical parallel runs and the same text from both writers. */
  boolean passed() {
    return parallelIdentical && sameText;
  }

  /** These figures, or an error naming them when a check failed. */
  DumpsFigures requirePassed() {
    if (!passed()) {
      throw new IllegalStateException("the dumps benchmark's checks failed: "
          + String.join(" / ", lines()));
    }
    return this;
  }

  /** The figures as text, as {@code cim bench-dumps} prints them. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(format("bench-dumps: %d rows, %d cores, %d sorted partitions, "
        + "load average %.2f at start, %.2f at end", rows, cores, sortedPartitions, loadAtStart,
        loadAtEnd));
    lines.add(format("  uncompressed:          %,d bytes", uncompressedBytes));
    lines.add(format("  parallel bzip2:        %,d bytes in %d streams of %,d bytes",
        parallelBytes, parallelStreams, streamBytes));
    lines.add(format("  single-stream bzip2:   %,d bytes", singleBytes));
    lines.add(format("  generate rows:         %.2f s (not timed below)", generateSeconds));
    lines.add(format("  format + sort:         %.2f s (shared by both writers)", prepareSeconds));
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      lines.add(format("  round %d: single-stream %.2f s (%.2f cores busy), parallel %.2f s"
              + " (%.2f cores busy), speed-up %.2fx", i + 1, r.singleSeconds(), r.singleCores(),
          r.parallelSeconds(), r.parallelCores(), r.speedup()));
    }
    lines.add(format("  speed-up (best single / best parallel): %.2fx", speedup()));
    lines.add(format("  speed-up incl. format + sort (round 1): %.2fx", speedupWithPrepare()));
    lines.add(format("  parallel runs byte-identical: %s (sha256 %s)",
        parallelIdentical ? "yes" : "NO", parallelSha256));
    lines.add(format("  same text as single stream:   %s", sameText ? "yes" : "NO"));
    return lines;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
