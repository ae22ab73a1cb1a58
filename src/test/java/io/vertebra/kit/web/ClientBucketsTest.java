package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientBucketsTest {

  private static final long HOUR = TimeUnit.HOURS.toNanos(1);

  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final ClientBuckets buckets = new ClientBuckets(3, HOUR, now::get);

  @Test
  void aBurstOfCapacityThenTheWaitForTheNextToken() {
    for (int i = 0; i < 3; i++) {
      assertEquals(0, buckets.take("a"), "token " + i);
    }
    assertEquals(1200, buckets.take("a"), "3 per hour: one every 20 minutes");
    now.addAndGet(TimeUnit.MINUTES.toNanos(19));
    assertEquals(60, buckets.take("a"), "a minute to go");
    now.addAndGet(TimeUnit.MINUTES.toNanos(1));
    assertEquals(0, buckets.take("a"));
    assertEquals(1200, buckets.take("a"));
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    for (int i = 0; i < 3; i++) {
      buckets.take("a");
    }
    assertEquals(0, buckets.take("b"));
    assertEquals(1200, buckets.take("a"));
  }

  @Test
  void aRefundedTokenCanBeTakenAgainButNeverBeyondCapacity() {
    for (int i = 0; i < 3; i++) {
      buckets.take("a");
    }
    buckets.refund("a");
    assertEquals(0, buckets.take("a"));
    buckets.refund("a");
    buckets.refund("a");
    buckets.refund("a");
    buckets.refund("a");
    for (int i = 0; i < 3; i++) {
      assertEquals(0, buckets.take("a"), "token " + i);
    }
    assertEquals(1200, buckets.take("a"), "refunds do not raise the burst");
  }

  @Test
  void clientsWithFullBucketsAreForgotten() {
    buckets.take("a");
    buckets.refund("a");
    assertEquals(0, buckets.tracked(), "a full bucket is forgotten on refund");
    for (int i = 0; i < 1500; i++) {
      buckets.take("c" + i);
    }
    assertEquals(1500, buckets.tracked(), "a sweep keeps clients whose buckets are still refilling");
    now.addAndGet(HOUR);
    buckets.take("late");
    assertEquals(1, buckets.tracked(), "a period later, the sweep forgot every refilled client");
  }
}
