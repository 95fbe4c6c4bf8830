package org.commonsimpact.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPlanTest {
  @Test
  void streamsAreCutByByteOffsetAndSharedAcrossPartitionBoundaries() {
    // Partition 0: lines at offsets 0, 6 (12 bytes); partition 1 empty; partition 2: lines at
    // 12, 18, 24 (18 bytes); partition 3: one line at 30. Streams of 10 bytes.
    StreamPlan plan = StreamPlan.of(List.of(
        new PartitionStats(0, 2, 12, 6),
        new PartitionStats(1, 0, 0, 0),
        new PartitionStats(2, 3, 18, 12),
        new PartitionStats(3, 1, 6, 0)), 10);
    assertEquals(6, plan.lines());
    assertEquals(36, plan.bytes());
    assertEquals(12, plan.offset(2));
    assertEquals(30, plan.offset(3));
    // Partition 0 holds streams 0 (both lines); partition 2 starts at 12 in stream 1, ends at 24
    // in stream 2; partition 3 starts at 30 in stream 3.
    assertFalse(plan.isShared(0, 0));
    assertFalse(plan.isShared(2, 1));
    assertFalse(plan.isShared(2, 2));
    assertFalse(plan.isShared(3, 3));
  }

  @Test
  void aStreamCrossingPartitionsIsSharedByEachOfThem() {
    // Three partitions of one 4-byte line each, stream size 100: one stream over all three.
    StreamPlan plan = StreamPlan.of(List.of(
        new PartitionStats(0, 1, 4, 0),
        new PartitionStats(1, 1, 4, 0),
        new PartitionStats(2, 1, 4, 0)), 100);
    assertTrue(plan.isShared(0, 0));
    assertTrue(plan.isShared(1, 0));
    assertTrue(plan.isShared(2, 0));
  }

  @Test
  void onlyTheBoundaryStreamIsShared() {
    // Partition 0: lines at 0..90 step 10 (100 bytes), partition 1: lines at 100..190; stream size
    // 25: streams 0-3 in partition 0 (line at 90 is in stream 3), stream 4 starts at line 100.
    StreamPlan cut = StreamPlan.of(List.of(
        new PartitionStats(0, 10, 100, 90),
        new PartitionStats(1, 10, 100, 90)), 25);
    assertFalse(cut.isShared(0, 3));
    assertFalse(cut.isShared(1, 4));
    // Stream size 30: line at 90 is in stream 3, and so is the line at 100 -> shared.
    StreamPlan shared = StreamPlan.of(List.of(
        new PartitionStats(0, 10, 100, 90),
        new PartitionStats(1, 10, 100, 90)), 30);
    assertFalse(shared.isShared(0, 2));
    assertTrue(shared.isShared(0, 3));
    assertTrue(shared.isShared(1, 3));
    assertFalse(shared.isShared(1, 4));
  }
}
