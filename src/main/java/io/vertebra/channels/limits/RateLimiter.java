package io.vertebra.channels.limits;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code perSecond} events in any second, refilled continuously. One per connection, used
 * only from that connection's message thread, so it needs no locking.
 */
public final class RateLimiter {

  private final double perSecond;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  /** A limiter allowing {@code perSecond} events per second, reading time from {@code nanoClock}. */
  public RateLimiter(int perSecond, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.nanoClock = nanoClock;
    this.tokens = perSecond;
    this.last = nanoClock.getAsLong();
  }

  /** Takes one token; false when the budget for the current second is spent. */
  public boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
