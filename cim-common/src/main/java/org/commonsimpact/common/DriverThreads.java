package org.commonsimpact.common;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A few driver threads that submit independent Spark jobs at the same time, so that one job's
 * driver-side work (planning, Iceberg commits) and its stages with fewer tasks than cores leave the
 * cores to another job instead of idle. Spark's scheduler runs the tasks of concurrent jobs on the
 * same executors; the threads hold no data, only the job they wait for. The graph, metrics and
 * serving stages write their tables through it.
 *
 * <p>Every task runs with the given session as its active session, its Spark jobs in one job group
 * of this instance (so {@link #cancel} stops them all). {@link #all} hands results back in
 * submission order, whatever order the jobs finish in, so that what the caller prints or reports
 * does not depend on timing. {@link #close} cancels the jobs still running (after a failure) and
 * waits for every thread, so that nothing keeps writing once the caller has moved on.
 */
public final class DriverThreads implements AutoCloseable {
  private final SparkSession session;
  private final ExecutorService pool;
  private final String jobGroup;
  private volatile boolean cancelled;

  public DriverThreads(SparkSession session, String name, int threads) {
    this.session = session;
    this.jobGroup = name + "-" + UUID.randomUUID();
    AtomicInteger number = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.pool = Executors.newFixedThreadPool(threads, factory);
  }

  /**
   * Starts {@code task} on a driver thread; {@code description} names its Spark jobs. If the task
   * fails, the Spark jobs of this instance's other tasks are cancelled at once, and tasks not
   * started yet will not start.
   */
  public <T> Future<T> submit(String description, Callable<T> task) {
    return pool.submit(() -> {
      if (cancelled) {
        throw new CancellationException("not started: cancelled after another task failed");
      }
      SparkSession.setActiveSession(session);
      SparkContext spark = session.sparkContext();
      spark.setJobGroup(jobGroup, description, false);
      try {
        return task.call();
      } catch (Exception | Error e) {
        if (!isCancellation(e)) {
          cancel();
        }
        throw e;
      } finally {
        spark.clearJobGroup();
        SparkSession.clearActiveSession();
      }
    });
  }

  /**
   * Runs the tasks concurrently and passes each task's position and result to {@code done} in the
   * order of {@code tasks}, as soon as it and every earlier one have finished (a failed task is skipped). A failure
   * cancels the others' Spark jobs (see {@link #submit}); once all tasks have ended, the first
   * failure in task order that is not such a cancellation is thrown (a {@link RuntimeException} as
   * it was thrown), the other failures suppressed in it.
   *
   * @param description names the tasks' Spark jobs, followed by each task's position
   */
  public <T> void all(String description, List<Callable<T>> tasks, BiConsumer<Integer, T> done) {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      futures.add(submit(description + " " + (i + 1) + "/" + tasks.size(), tasks.get(i)));
    }
    awaitInOrder(futures, done);
  }

  /**
   * Waits for every future, in list order, passing each position and result to {@code done} (a
   * failed one is skipped); then throws the first failure in that order that is not a cancellation ({@link
   * #isCancellation}), the other failures suppressed in it. Lets a caller submit in one order (the
   * longest first) and report in another.
   */
  public static <T> void awaitInOrder(List<Future<T>> futures, BiConsumer<Integer, T> done) {
    List<RuntimeException> failures = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        done.accept(i, await(futures.get(i)));
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (failures.isEmpty()) {
      return;
    }
    RuntimeException thrown = failures.stream().filter(e -> !isCancellation(e)).findFirst()
        .orElse(failures.get(0));
    failures.stream().filter(e -> e != thrown).forEach(thrown::addSuppressed);
    throw thrown;
  }

  /**
   * Whether {@code failure} is only the cancellation of a task's jobs after another task failed
   * (a task not started, or Spark's "cancelled ... job group" job failure).
   */
  public static boolean isCancellation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CancellationException) {
        return true;
      }
      if (t instanceof InvalidInputException) {
        return false;
      }
      String message = t.getMessage();
      if (message != null && message.contains("cancelled") && message.contains("job group")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cancels the Spark jobs that this instance's tasks are running; tasks not started yet will not
   * start. (A task already running may still submit a job after this.)
   */
  public void cancel() {
    cancelled = true;
    session.sparkContext().cancelJobGroup(jobGroup);
  }

  /** Waits for {@code future}; its failure is rethrown as the task threw it. */
  public static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Spark job", e);
    } catch (CancellationException e) {
      throw new IllegalStateException("Spark job cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }

  /** Cancels what is still running (only after a failure is anything left) and waits for it. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(0, TimeUnit.SECONDS)) {
        cancel();
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
          // a cancelled Spark job ends with its running tasks
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
