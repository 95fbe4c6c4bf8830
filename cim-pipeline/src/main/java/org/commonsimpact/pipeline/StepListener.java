package org.commonsimpact.pipeline;

/**
 * Hears the steps of a {@link MonthlyRun}: first {@value MonthlyRun#READINESS} (every selected
 * stage's inputs checked, and their rows counted for the report), then each stage by its name, in
 * pipeline order. The benchmark times a month through it, so that it runs the very sequence the
 * command line runs. A step that fails is started but never finished.
 */
public interface StepListener {
  /** A listener that does nothing. */
  StepListener NONE = new StepListener() {};

  /** The step {@code step} begins. */
  default void started(String step) {}

  /** The step {@code step} ended normally after {@code seconds} of wall-clock time. */
  default void finished(String step, double seconds) {}
}
