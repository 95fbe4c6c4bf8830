package org.commonsimpact.bench;

import java.util.Arrays;

/** Latencies of one kind of request, in nanoseconds, with nearest-rank percentiles. */
final class LatencyRecorder {
  private long[] nanos = new long[1024];
  private int count;
  private int failures;

  synchronized void record(long latencyNanos, boolean ok) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
    if (!ok) {
      failures++;
    }
  }

  synchronized void addAll(LatencyRecorder other) {
    synchronized (other) {
      for (int i = 0; i < other.count; i++) {
        record(other.nanos[i], true);
      }
      failures += other.failures;
    }
  }

  synchronized int count() {
    return count;
  }

  synchronized int failures() {
    return failures;
  }

  /** The {@code p}-th percentile (0–100) in milliseconds, nearest rank; 0 with no samples. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }
}
