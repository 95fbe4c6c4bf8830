package org.commonsimpact.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonsimpact.dumps.DumpsBenchmark;
import picocli.CommandLine;

/**
 * Runs the dumps benchmark ({@code cim bench-dumps}, {@link DumpsBenchmark}) in this JVM and reads
 * its speed-up, so that the scale benchmark reports it beside its own ratios without measuring the
 * dump writers a second way. The dumps benchmark prints its figures on standard output; they are
 * captured here and handed back with the speed-up.
 */
final class DumpsSpeedup {
  private static final Pattern SPEED_UP =
      Pattern.compile("speed-up \\(best single / best parallel\\): ([0-9]+(?:\\.[0-9]+)?)x");

  /**
   * The dumps benchmark's result.
   *
   * @param speedup best single-stream time / best parallel time
   * @param lines what it printed
   */
  record Result(double speedup, List<String> lines) {}

  private DumpsSpeedup() {}

  /** Runs {@code bench-dumps --rows rows}; a failed check or a missing figure is an error. */
  static synchronized Result measure(long rows) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int status;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      // The benchmark binds standard output when constructed, so it is built inside the swap.
      status = new CommandLine(new DumpsBenchmark()).execute("--rows", Long.toString(rows));
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    if (status != 0) {
      throw new IllegalStateException("the dumps benchmark failed (exit " + status + "): "
          + String.join(" / ", lines));
    }
    return new Result(parse(text), lines);
  }

  /** The speed-up figure of the dumps benchmark's output. */
  static double parse(String output) {
    Matcher m = SPEED_UP.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("the dumps benchmark printed no speed-up: " + output);
    }
    return Double.parseDouble(m.group(1));
  }
}
