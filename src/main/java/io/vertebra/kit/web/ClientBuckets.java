package io.vertebra.kit.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: up to {@code capacity} actions at once, refilled continuously at {@code capacity}
 * per {@code period}. A client whose bucket is full again is forgotten at the next sweep, so memory follows the
 * clients active within one period, not every client ever seen. Thread-safe: each client's bucket changes
 * atomically.
 */
final class ClientBuckets {

  private final int capacity;
  private final long periodNanos;
  private final double perNano;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile int sweepAt = 1024;
  private volatile long sweptNanos;

  /** Buckets of {@code capacity} tokens refilling {@code capacity} per {@code periodNanos}, timed by the clock. */
  ClientBuckets(int capacity, long periodNanos, LongSupplier nanoClock) {
    if (capacity <= 0 || periodNanos <= 0) {
      throw new IllegalArgumentException("capacity and period must be positive");
    }
    this.capacity = capacity;
    this.periodNanos = periodNanos;
    this.perNano = (double) capacity / periodNanos;
    this.nanoClock = nanoClock;
    this.sweptNanos = nanoClock.getAsLong();
  }

  /**
   * Takes a token from {@code client}'s bucket.
   *
   * @return 0 when taken, else the whole seconds (at least 1) until a token will be there
   */
  long take(String client) {
    long now = nanoClock.getAsLong();
    long[] wait = new long[1];
    buckets.compute(client, (key, bucket) -> {
      Bucket b = bucket != null ? bucket : new Bucket(capacity, now);
      b.refill(now, capacity, perNano);
      if (b.tokens >= 1) {
        b.tokens -= 1;
      } else {
        wait[0] = Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9 - 1e-6)); // - float noise
      }
      return b;
    });
    sweepWhenDue(now);
    return wait[0];
  }

  /** Gives back a token taken by {@link #take} for an action that did not happen after all. */
  void refund(String client) {
    long now = nanoClock.getAsLong();
    buckets.computeIfPresent(client, (key, b) -> {
      b.refill(now, capacity, perNano);
      b.tokens = Math.min(capacity, b.tokens + 1);
      return b.full(capacity) ? null : b;
    });
  }

  /** Clients remembered now (for tests). */
  int tracked() {
    return buckets.size();
  }

  /**
   * Forgets every client whose bucket is full again, once a period (by then every client not seen since is full)
   * or sooner when the map has doubled since the last sweep: the cost stays proportional to the takes.
   */
  private void sweepWhenDue(long now) {
    if (buckets.size() < sweepAt && now - sweptNanos < periodNanos) {
      return;
    }
    sweptNanos = now;
    for (String client : buckets.keySet()) {
      buckets.computeIfPresent(client, (key, b) -> {
        b.refill(now, capacity, perNano);
        return b.full(capacity) ? null : b;
      });
    }
    sweepAt = Math.max(1024, buckets.size() * 2);
  }

  private static final class Bucket {
    double tokens;
    long refilledNanos;

    Bucket(int capacity, long nowNanos) {
      tokens = capacity;
      refilledNanos = nowNanos;
    }

    void refill(long nowNanos, int capacity, double perNano) {
      tokens = Math.min(capacity, tokens + (nowNanos - refilledNanos) * perNano);
      refilledNanos = nowNanos;
    }

    boolean full(int capacity) {
      return tokens >= capacity;
    }
  }
}
