package org.commonsimpact.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load averages over 1, 5 and 15 minutes, recorded beside every timing: on a shared
 * machine a high load explains a slow figure, and the benchmark's ratios are only comparable when
 * the load was steady.
 *
 * @param one the 1-minute load average (negative when unknown)
 * @param five the 5-minute load average (negative when unknown)
 * @param fifteen the 15-minute load average (negative when unknown)
 */
record LoadAverage(double one, double five, double fifteen) {
  private static final Path PROC = Path.of("/proc/loadavg");

  /** The current load averages: {@code /proc/loadavg} where it exists, else the JVM's 1-minute. */
  static LoadAverage now() {
    try {
      if (Files.isReadable(PROC)) {
        String[] parts = Files.readString(PROC).trim().split("\\s+");
        return new LoadAverage(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
            Double.parseDouble(parts[2]));
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the JVM's figure
    }
    double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return new LoadAverage(one, -1, -1);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f %.2f %.2f", one, five, fifteen);
  }
}
