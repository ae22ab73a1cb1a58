package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EventCacheTest {

  @Test
  void keepsTheLastEventForThirtyMinutes() {
    EventCache cache = new EventCache();
    cache.put("cache-a", "first", 0);
    cache.put("cache-a", "second", 10);
    assertEquals("second", cache.get("cache-a", EventCache.TTL_MILLIS + 10));
    assertNull(cache.get("cache-a", EventCache.TTL_MILLIS + 11));
    cache.prune(EventCache.TTL_MILLIS + 11);
    assertNull(cache.get("cache-a", 10));
  }
}
