package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.SparkTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent driver-side jobs: run at once, results in submission order, failures as thrown. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverThreadsTest {
  @TempDir static Path temp;
  private SparkSession session;

  @BeforeAll
  void open() {
    session = SparkTestSupport.freshSession(temp);
  }

  @Test
  void runsTasksAtOnceAndHandsResultsBackInSubmissionOrder() {
    CyclicBarrier together = new CyclicBarrier(3);
    CountDownLatch firstMayEnd = new CountDownLatch(2);
    List<Callable<String>> tasks = List.of(
        () -> {
          together.await(30, TimeUnit.SECONDS);
          // Finishes last: the two others count down first.
          assertTrue(firstMayEnd.await(30, TimeUnit.SECONDS));
          return "first";
        },
        () -> {
          together.await(30, TimeUnit.SECONDS);
          firstMayEnd.countDown();
          return "second";
        },
        () -> {
          together.await(30, TimeUnit.SECONDS);
          firstMayEnd.countDown();
          assertSame(session, SparkSession.active());
          return String.valueOf(session.sql("SELECT 40 + 2").first().getInt(0));
        });
    List<String> results = new ArrayList<>();
    try (DriverThreads threads = new DriverThreads(session, "test", 3)) {
      threads.all("test", tasks, (i, r) -> results.add(r));
    }
    assertEquals(List.of("first", "second", "42"), results);
  }

  @Test
  void throwsTheFirstFailureInOrderAfterEveryTaskHasEnded() {
    AtomicBoolean lastRan = new AtomicBoolean();
    CountDownLatch secondFailed = new CountDownLatch(1);
    CountDownLatch lastStarted = new CountDownLatch(1);
    IllegalArgumentException first = new IllegalArgumentException("first");
    List<Callable<Integer>> tasks = List.of(
        () -> 1,
        () -> {
          // Fails after the later failure, yet is the one thrown.
          assertTrue(secondFailed.await(30, TimeUnit.SECONDS));
          throw first;
        },
        () -> {
          // Fails once the last task has started: tasks not started at a failure never start.
          assertTrue(lastStarted.await(30, TimeUnit.SECONDS));
          secondFailed.countDown();
          throw new IllegalStateException("second");
        },
        () -> {
          lastStarted.countDown();
          Thread.sleep(200);
          lastRan.set(true);
          return 4;
        });
    List<Integer> results = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    RuntimeException thrown;
    try (DriverThreads threads = new DriverThreads(session, "test", 4)) {
      thrown = assertThrows(RuntimeException.class,
          () -> threads.all("test", tasks, (i, r) -> {
            positions.add(i);
            results.add(r);
          }));
    }
    assertSame(first, thrown);
    assertEquals("second", thrown.getSuppressed()[0].getMessage());
    assertTrue(lastRan.get());
    assertEquals(List.of(1, 4), results);
    assertEquals(List.of(0, 3), positions, "each result with its own position, failures skipped");
  }

  /** Counted down by the Spark task of the test below (local mode: the same JVM). */
  private static final CountDownLatch JOB_RUNNING = new CountDownLatch(1);

  @Test
  void aFailureCancelsTheSparkJobsStillRunning() {
    List<Callable<Long>> tasks = List.of(
        () -> {
          assertTrue(JOB_RUNNING.await(60, TimeUnit.SECONDS));
          throw new IllegalArgumentException("bad input");
        },
        () -> session.range(0, 1, 1, 1).javaRDD().map(x -> {
          JOB_RUNNING.countDown();
          Thread.sleep(8_000);
          return x;
        }).count());
    RuntimeException thrown;
    long start = System.nanoTime();
    try (DriverThreads threads = new DriverThreads(session, "test", 2)) {
      thrown = assertThrows(RuntimeException.class,
          () -> threads.all("test", tasks, (i, n) -> { }));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals("bad input", thrown.getMessage());
    assertEquals(1, thrown.getSuppressed().length);
    assertTrue(thrown.getSuppressed()[0].getMessage().contains("cancelled"),
        thrown.getSuppressed()[0].getMessage());
    assertTrue(seconds < 7.5, "the second job was cancelled, not run to its end: " + seconds);
  }
}
