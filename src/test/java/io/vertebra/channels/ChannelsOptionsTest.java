package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
