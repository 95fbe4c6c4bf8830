package org.commonsimpact.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * A few driver threads that submit independent Spark jobs at the same time, so that one job's
 * driver-side work (planning, Iceberg commits) and its stages with fewer tasks than cores leave the
 * cores to another job instead of idle. Spark's scheduler runs the tasks of concurrent jobs on the
 * same executors; the threads hold no data, only the job they wait for.
 *
 * <p>Every task runs with the given session as its active session. {@link #all} hands results
 * back in submission order, whatever order the jobs finish in, so that what the caller prints or
 * reports does not depend on timing.
 */
final class DriverThreads implements AutoCloseable {
  private final SparkSession session;
  private final ExecutorService pool;

  DriverThreads(SparkSession session, String name, int threads) {
    this.session = session;
    AtomicInteger number = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.pool = Executors.newFixedThreadPool(threads, factory);
  }

  /** Starts {@code task} on a driver thread. */
  <T> Future<T> submit(Callable<T> task) {
    return pool.submit(() -> {
      SparkSession.setActiveSession(session);
      try {
        return task.call();
      } finally {
        SparkSession.clearActiveSession();
      }
    });
  }

  /**
   * Runs the tasks concurrently and passes each result to {@code done} in the order of {@code
   * tasks}, as soon as it and every earlier one have finished (a failed task is skipped). Waits for
   * all of them; if any failed, then throws the failure of the first failed task in that order (a
   * {@link RuntimeException} as it was thrown), the later failures suppressed in it.
   */
  <T> void all(List<Callable<T>> tasks, Consumer<T> done) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(submit(task));
    }
    RuntimeException failure = null;
    for (Future<T> future : futures) {
      try {
        done.accept(await(future));
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Waits for {@code future}; its failure is rethrown as the task threw it. */
  static <T> T await(Future<T> future) {
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

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
