package io.vertebra.kit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who runs the sync, who waits, and that no write is reported durable by a sync begun before its commit. */
class GroupSyncTest {

  private final GroupSync group = new GroupSync();
  private final ExecutorService writers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    writers.shutdownNow();
  }

  @Test
  void aLoneWriterRunsItsOwnSync() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    group.awaitDurable(group.committed(), runs::incrementAndGet);
    group.awaitDurable(group.committed(), runs::incrementAndGet);
    assertEquals(2, runs.get(), "each commit after the last sync needs a new one");
  }

  @Test
  void writesCommittedDuringASyncShareTheNextOne() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Future<?> first = writers.submit(() -> {
      group.awaitDurable(group.committed(), () -> {
        runs.incrementAndGet();
        firstRunning.countDown();
        await(releaseFirst);
      });
      return null;
    });
    assertTrue(firstRunning.await(10, TimeUnit.SECONDS));

    // Committed while the first sync runs: it began before them, so it must not count for them.
    List<Future<?>> late = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long ticket = group.committed();
      late.add(writers.submit(() -> {
        group.awaitDurable(ticket, runs::incrementAndGet);
        return null;
      }));
    }
    Thread.sleep(50);
    for (Future<?> f : late) {
      assertFalse(f.isDone(), "acknowledged before any sync began after its commit");
    }

    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : late) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertEquals(2, runs.get(), "one sync for the first write, one for the five committed during it");
  }

  @Test
  void aFailedSyncMakesNoOneDurableAndAWaiterRunsTheNext() throws Exception {
    CountDownLatch failingRunning = new CountDownLatch(1);
    CountDownLatch releaseFailing = new CountDownLatch(1);
    IOException diskFull = new IOException("disk full");
    Future<?> failing = writers.submit(() -> {
      group.awaitDurable(group.committed(), () -> {
        failingRunning.countDown();
        await(releaseFailing);
        throw diskFull;
      });
      return null;
    });
    assertTrue(failingRunning.await(10, TimeUnit.SECONDS));
    long waiterTicket = group.committed();
    AtomicInteger waiterRuns = new AtomicInteger();
    Future<?> waiter = writers.submit(() -> {
      group.awaitDurable(waiterTicket, waiterRuns::incrementAndGet);
      return null;
    });

    releaseFailing.countDown();
    Exception thrown = assertThrows(Exception.class, () -> failing.get(10, TimeUnit.SECONDS));
    assertSame(diskFull, thrown.getCause());
    waiter.get(10, TimeUnit.SECONDS);
    assertEquals(1, waiterRuns.get(), "the waiter ran a sync of its own after the failure");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
