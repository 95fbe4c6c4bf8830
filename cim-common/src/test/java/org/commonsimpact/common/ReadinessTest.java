package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  @Test
  void compactsDayLists() {
    assertEquals("1-3,5,7-8", Readiness.compact(List.of(1, 2, 3, 5, 7, 8)));
  }
}
