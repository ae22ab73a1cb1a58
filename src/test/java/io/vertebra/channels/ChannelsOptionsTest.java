package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsOptionsTest {

  @Test
  void webhookUrlIsOptionalButMustBeHttp() {
    assertNull(ChannelsOptions.from(Map.of()).webhookUrl());
    assertEquals(URI.create("http://127.0.0.1:9/hooks"),
        ChannelsOptions.from(Map.of("CHANNELS_WEBHOOK_URL", "http://127.0.0.1:9/hooks")).webhookUrl());
    assertThrows(IllegalArgumentException.class,
        () -> ChannelsOptions.from(Map.of("CHANNELS_WEBHOOK_URL", "ftp://example/x")));
    assertThrows(IllegalArgumentException.class,
        () -> ChannelsOptions.from(Map.of("CHANNELS_WEBHOOK_URL", "not a url")));
  }

  @Test
  void aRedisUrlTurnsClusteringOnAndABadOneIsAConfigurationError() {
    assertNull(ChannelsOptions.from(Map.of()).cluster(), "a single node by default");
    assertEquals("n1", ChannelsOptions.from(Map.of("CHANNELS_REDIS_URL", "redis://127.0.0.1:6379/0",
        "CHANNELS_NODE_ID", "n1")).cluster().nodeId());
    var error = assertThrows(io.vertebra.kit.config.Config.ConfigException.class,
        () -> io.vertebra.kit.config.Config.from(Map.of("CHANNELS_REDIS_URL", "http://127.0.0.1:6379")));
    assertTrue(error.getMessage().contains("CHANNELS_REDIS_URL"), error.getMessage());
  }
}
