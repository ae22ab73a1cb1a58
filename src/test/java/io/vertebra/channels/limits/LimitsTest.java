package io.vertebra.channels.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void defaultsFollowHostedPusher() {
    Limits d = Limits.defaults();
    assertEquals(10 * 1024, d.maxMessageBytes());
    assertEquals(100, d.maxChannelsPerTrigger());
    assertEquals(10, d.maxBatchSize());
    assertEquals(10, d.clientEventsPerSecond());
    assertEquals(120, d.activityTimeoutSeconds());
  }

  @Test
  void environmentOverridesAndRejectsNonsense() {
    Limits l = Limits.from(Map.of("CHANNELS_MAX_CONNECTIONS", "5", "CHANNELS_ACTIVITY_TIMEOUT", " 30 "));
    assertEquals(5, l.maxConnections());
    assertEquals(30, l.activityTimeoutSeconds());
    var e = assertThrows(IllegalArgumentException.class, () -> Limits.from(Map.of("CHANNELS_MAX_BATCH_SIZE", "0")));
    assertTrue(e.getMessage().contains("CHANNELS_MAX_BATCH_SIZE"));
    assertThrows(IllegalArgumentException.class, () -> Limits.from(Map.of("CHANNELS_MAX_MESSAGE_BYTES", "ten")));
  }
}
