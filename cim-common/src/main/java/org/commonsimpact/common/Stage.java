package org.commonsimpact.common;

/**
 * One step of the monthly pipeline (graph, metrics, dumps, serving). A stage checks that its inputs
 * hold the month before it reads them, replaces only that month's data, and is idempotent.
 */
public interface Stage {
  /** The name used by {@code --stages} and in the run report. */
  String name();

  /**
   * Adds to {@code readiness} the source data this stage reads for the month. The run checks every
   * selected stage's inputs at once, before any stage writes, and names all missing items together.
   */
  default void requireInputs(StageContext context, Readiness readiness) {}

  /** Runs the stage for the context's month. */
  void run(StageContext context);
}
