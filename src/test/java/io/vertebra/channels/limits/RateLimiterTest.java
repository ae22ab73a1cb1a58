package io.vertebra.channels.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void allowsTheBudgetPerSecondAndRefillsOverTime() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(10, now::get);
    for (int i = 0; i < 10; i++) {
      assertTrue(limiter.tryAcquire(), "event " + i);
    }
    assertFalse(limiter.tryAcquire());
    now.addAndGet(100_000_000L); // 0.1 s refills one token
    assertTrue(limiter.tryAcquire());
    assertFalse(limiter.tryAcquire());
    now.addAndGet(10_000_000_000L); // never more than one second's budget
    for (int i = 0; i < 10; i++) {
      assertTrue(limiter.tryAcquire());
    }
    assertFalse(limiter.tryAcquire());
  }
}
