package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void nearestRankPercentiles() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int ms = 100; ms >= 1; ms--) {
      recorder.record(ms * 1_000_000L, ms != 7);
    }
    assertEquals(100, recorder.count());
    assertEquals(1, recorder.failures());
    assertEquals(50.0, recorder.percentileMillis(50));
    assertEquals(99.0, recorder.percentileMillis(99));
    assertEquals(100.0, recorder.percentileMillis(100));
    assertEquals(0.0, new LatencyRecorder().percentileMillis(99));
  }
}
