package org.commonsimpact.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the JVM's used heap on a background thread and keeps the highest value seen, so that the
 * benchmark can report the peak driver heap of a run (in local mode the driver is the whole of
 * Spark). Sampling every 20 ms can miss a peak shorter than that; it never over-reports.
 */
final class HeapSampler implements AutoCloseable {
  private static final long INTERVAL_MS = 20;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {
    peak = used();
    thread = new Thread(this::loop, "cim-bench-heap-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling now. */
  static HeapSampler start() {
    HeapSampler sampler = new HeapSampler();
    sampler.thread.start();
    return sampler;
  }

  /** The highest used heap seen so far, in bytes. */
  long peakBytes() {
    return Math.max(peak, used());
  }

  /** The heap the JVM may grow to ({@code -Xmx}), in bytes. */
  static long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  private void loop() {
    while (running) {
      long now = used();
      if (now > peak) {
        peak = now;
      }
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
