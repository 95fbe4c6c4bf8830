package org.commonsimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Exit status and one-line message of a failure. */
class FailuresTest {
  @Test
  void invalidInputAnywhereInTheCausesIsExitTwoAndNamesTheInput() {
    RuntimeException e = new RuntimeException("stage graph failed",
        new IllegalStateException("wrapped", new InvalidInputException("allow-list line 3:\n bad")));
    assertTrue(Failures.isInvalidInput(e));
    assertEquals(2, Failures.exitStatus(e));
    assertEquals("allow-list line 3: bad", Failures.oneLine(e));
    assertEquals("stage graph failed", Failures.ownLine(e));
  }

  @Test
  void otherFailuresAreExitOneWithTheirOwnMessageOrClass() {
    RuntimeException e = new IllegalStateException("no space left\r\n  on device");
    assertFalse(Failures.isInvalidInput(e));
    assertEquals(1, Failures.exitStatus(e));
    assertEquals("no space left on device", Failures.oneLine(e));
    assertEquals("java.lang.NullPointerException", Failures.oneLine(new NullPointerException()));
  }
}
