package io.vertebra.channels.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per client address: how many connections it may hold open and how fast it may open new ones (a token bucket that
 * refills continuously). Either limit is off at 0. An address is forgotten once it holds no connection and its
 * bucket is full again, so memory follows the addresses that are active now, not every address ever seen.
 *
 * <p>Behind a reverse proxy every client has the proxy's address: set these limits only when the server sees its
 * clients' own addresses.
 */
public final class AddressQuotas {

  /** What {@link #admit} decided. */
  public enum Verdict {
    /** Counted as open; {@link #release} it when the connection ends. */
    ADMITTED,
    /** The address holds as many connections as it may. */
    TOO_MANY_OPEN,
    /** The address opened connections faster than it may. */
    TOO_FAST
  }

  private final int maxOpen;
  private final int newPerSecond;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Quotas of {@code maxOpen} open connections and {@code newPerSecond} new ones per address (0 = no limit). */
  public AddressQuotas(int maxOpen, int newPerSecond) {
    this.maxOpen = maxOpen;
    this.newPerSecond = newPerSecond;
  }

  /** Whether either limit is on. */
  public boolean enabled() {
    return maxOpen > 0 || newPerSecond > 0;
  }

  /** Counts a new connection from {@code address} at {@code nowNanos}, unless a limit refuses it. */
  public Verdict admit(String address, long nowNanos) {
    if (!enabled()) {
      return Verdict.ADMITTED;
    }
    Verdict[] verdict = new Verdict[1];
    entries.compute(address, (key, entry) -> {
      Entry e = entry != null ? entry : new Entry(newPerSecond, nowNanos);
      e.refill(nowNanos, newPerSecond);
      if (maxOpen > 0 && e.open >= maxOpen) {
        verdict[0] = Verdict.TOO_MANY_OPEN;
      } else if (newPerSecond > 0 && e.tokens < 1) {
        verdict[0] = Verdict.TOO_FAST;
      } else {
        e.tokens -= newPerSecond > 0 ? 1 : 0;
        e.open++;
        verdict[0] = Verdict.ADMITTED;
      }
      return e.idle(newPerSecond) ? null : e;
    });
    return verdict[0];
  }

  /** Ends one admitted connection of {@code address}. */
  public void release(String address, long nowNanos) {
    if (enabled()) {
      entries.computeIfPresent(address, (key, e) -> {
        e.open = Math.max(0, e.open - 1);
        e.refill(nowNanos, newPerSecond);
        return e.idle(newPerSecond) ? null : e;
      });
    }
  }

  /** Forgets addresses with no open connection whose bucket has refilled (called once a second). */
  public void prune(long nowNanos) {
    for (String address : entries.keySet()) {
      // Per key and atomic, like admit and release: a connection admitted meanwhile is never forgotten.
      entries.computeIfPresent(address, (key, e) -> {
        e.refill(nowNanos, newPerSecond);
        return e.idle(newPerSecond) ? null : e;
      });
    }
  }

  /** Addresses remembered now (for tests and metrics). */
  public int tracked() {
    return entries.size();
  }

  private static final class Entry {
    int open;
    double tokens;
    long refilledNanos;

    Entry(int capacity, long nowNanos) {
      tokens = capacity;
      refilledNanos = nowNanos;
    }

    void refill(long nowNanos, int perSecond) {
      tokens = Math.min(perSecond, tokens + (nowNanos - refilledNanos) / 1e9 * perSecond);
      refilledNanos = nowNanos;
    }

    boolean idle(int capacity) {
      return open == 0 && tokens >= capacity;
    }
  }
}
