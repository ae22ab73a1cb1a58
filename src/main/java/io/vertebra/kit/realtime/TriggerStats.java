package io.vertebra.kit.realtime;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts realtime triggers: how many were sent, how many the service accepted, how many failed; and when the last
 * one was sent and answered (wall-clock microseconds, so benchmarks can line it up with browser timestamps).
 */
public final class TriggerStats {

  private final AtomicLong attempted = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastSentMicros;
  private volatile long lastAnsweredMicros;

  void attempt() {
    lastSentMicros = epochMicros();
    attempted.incrementAndGet();
  }

  void deliver() {
    lastAnsweredMicros = epochMicros();
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

  /** When the last trigger was handed to the HTTP client, in microseconds since the epoch (0 = none yet). */
  public long lastSentMicros() {
    return lastSentMicros;
  }

  /** When the realtime service last answered a trigger with success, in microseconds since the epoch (0 = never). */
  public long lastAnsweredMicros() {
    return lastAnsweredMicros;
  }

  private static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  @Override
  public String toString() {
    return "attempted=" + attempted() + " delivered=" + delivered() + " failed=" + failed();
  }
}
