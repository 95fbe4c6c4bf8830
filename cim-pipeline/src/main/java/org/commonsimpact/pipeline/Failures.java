package org.commonsimpact.pipeline;

import org.commonsimpact.common.InvalidInputException;

/**
 * How a failure is reported (SPEC §10): its exit status, 2 when invalid input caused it (arguments,
 * allow-list, source data, missing partitions) and 1 otherwise, and a one-line message. The run
 * report and the command line state a failure the same way through this class.
 */
public final class Failures {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_INVALID_INPUT = 2;

  private Failures() {}

  /** Whether {@code e} or one of its causes is an {@link InvalidInputException}. */
  public static boolean isInvalidInput(Throwable e) {
    return invalidInput(e) != null;
  }

  /** The exit status a command ends with when {@code e} stops it. */
  public static int exitStatus(Throwable e) {
    return isInvalidInput(e) ? EXIT_INVALID_INPUT : EXIT_FAILURE;
  }

  /**
   * The message of the first invalid-input exception among {@code e} and its causes if any (it names
   * the input to fix), else {@code e}'s own; on one line.
   */
  public static String oneLine(Throwable e) {
    Throwable invalid = invalidInput(e);
    return ownLine(invalid != null ? invalid : e);
  }

  /** {@code e}'s own message (its class name when it has none), on one line. */
  public static String ownLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getName();
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  private static Throwable invalidInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException) {
        return t;
      }
    }
    return null;
  }
}
