package io.vertebra.kit.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimedProbeTest {

  @Test
  @DisplayName("a probe that succeeds in time is healthy; one that throws reports its message")
  void successAndFailure() {
    assertNull(new TimedProbe("ok", () -> { }, Duration.ofSeconds(1)).problem());
    TimedProbe failing = new TimedProbe("db", () -> {
      throw new SQLException("Connection refused");
    }, Duration.ofSeconds(1));
    assertEquals("Connection refused", failing.problem());
  }

  @Test
  @DisplayName("a hung probe answers within the timeout, and later checks join it instead of starting more")
  void hungProbeTimesOutAndIsShared() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    TimedProbe hung = new TimedProbe("hung", () -> {
      started.incrementAndGet();
      release.await();
    }, Duration.ofMillis(200));
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      assertEquals("no answer within 200 ms", hung.problem());
      assertTrue(System.nanoTime() - start < 2_000_000_000L, "answered near the timeout");
    }
    assertEquals(1, started.get(), "one probe in flight, however many checks");
    release.countDown();
    // The released probe finishes on its own thread, whenever a loaded machine schedules it: wait for an answer.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (hung.problem() != null) {
      assertTrue(System.nanoTime() < deadline, "the released probe never answered");
    }
    int before = started.get();
    assertNull(hung.problem(), "once the dependency answers again, a fresh probe runs");
    assertEquals(before + 1, started.get(), "a check after an answered probe starts a new one");
  }
}
