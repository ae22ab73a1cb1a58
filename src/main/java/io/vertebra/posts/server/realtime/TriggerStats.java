package io.vertebra.posts.server.realtime;

import java.util.concurrent.atomic.AtomicLong;

/** Counts realtime triggers: how many were sent, how many the service accepted, how many failed. */
public final class TriggerStats {

  private final AtomicLong attempted = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  void attempt() {
    attempted.incrementAndGet();
  }

  void deliver() {
    delivered.incrementAndGet();
  }

  void fail() {
    failed.incrementAndGet();
  }

  /** Triggers started. */
  public long attempted() {
    return attempted.get();
  }

  /** Triggers the realtime service answered with success. */
  public long delivered() {
    return delivered.get();
  }

  /** Triggers that failed (refused, unreachable, timed out, invalid); the writes behind them were kept. */
  public long failed() {
    return failed.get();
  }

  @Override
  public String toString() {
    return "attempted=" + attempted() + " delivered=" + delivered() + " failed=" + failed();
  }
}
