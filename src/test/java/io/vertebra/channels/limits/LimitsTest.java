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

  @Test
  void theAuthorizationTimeoutIsOffByDefaultAndTakesZeroOrSeconds() {
    assertEquals(0, Limits.defaults().authorizationTimeoutSeconds(), "anonymous connections, as hosted Pusher");
    assertEquals(30, Limits.from(Map.of("CHANNELS_AUTHORIZATION_TIMEOUT", "30")).authorizationTimeoutSeconds());
    assertEquals(0, Limits.from(Map.of("CHANNELS_AUTHORIZATION_TIMEOUT", " 0 ")).authorizationTimeoutSeconds());
    for (String bad : new String[] {"-1", "soon", "1.5"}) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> Limits.from(Map.of("CHANNELS_AUTHORIZATION_TIMEOUT", bad)));
      assertEquals("CHANNELS_AUTHORIZATION_TIMEOUT must be 0 (off) or a positive whole number, got '" + bad + "'",
          e.getMessage());
    }
  }

  @Test
  void subscriptionCountingIsOffByDefaultAndTakesTrueOrFalse() {
    assertEquals(false, Limits.defaults().subscriptionCount(), "an app setting that hosted Pusher leaves off");
    assertEquals(true, Limits.from(Map.of("CHANNELS_SUBSCRIPTION_COUNT", " TRUE ")).subscriptionCount());
    assertEquals(false, Limits.from(Map.of("CHANNELS_SUBSCRIPTION_COUNT", "false")).subscriptionCount());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Limits.from(Map.of("CHANNELS_SUBSCRIPTION_COUNT", "yes please")));
    assertEquals("CHANNELS_SUBSCRIPTION_COUNT must be true or false, got 'yes please'", e.getMessage());
  }
}
