package io.vertebra.channels.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last event of each cache channel, replayed to new subscribers. Kept apart from {@link Channel} because the
 * cache outlives occupancy: an event triggered while nobody listens is still replayed later, for 30 minutes as
 * in hosted Pusher.
 */
public final class EventCache {

  /** How long an event stays replayable. */
  public static final long TTL_MILLIS = 30 * 60 * 1000L;

  private record Entry(String frame, long storedAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Remembers {@code frame} as the last event of cache channel {@code channel}. */
  public void put(String channel, String frame, long nowMillis) {
    entries.put(channel, new Entry(frame, nowMillis));
  }

  /** The last fresh event of {@code channel}, or null. */
  public String get(String channel, long nowMillis) {
    Entry e = entries.get(channel);
    return e != null && nowMillis - e.storedAt() <= TTL_MILLIS ? e.frame() : null;
  }

  /** Drops expired events (called periodically). */
  public void prune(long nowMillis) {
    entries.values().removeIf(e -> nowMillis - e.storedAt() > TTL_MILLIS);
  }
}
