package io.vertebra.framework.realtime.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PusherOptionsTest {

  @Test
  @DisplayName("settings of a self-hosted service: WebSocket transports only, TLS port defaults to wsPort")
  void selfHostedSettings() {
    PusherOptions options = PusherOptions.fromMap(Json.parseObject(
        "{\"key\":\"k1\",\"wsHost\":\"127.0.0.1\",\"wsPort\":8080,\"forceTLS\":false}"));

    assertEquals("k1", options.key());
    assertEquals(Json.parseObject("{\"cluster\":\"\",\"wsHost\":\"127.0.0.1\",\"wsPort\":8080,\"wssPort\":8080,"
        + "\"forceTLS\":false,\"enabledTransports\":[\"ws\",\"wss\"],"
        + "\"channelAuthorization\":{\"endpoint\":\"/pusher/auth\",\"transport\":\"ajax\"},"
        + "\"userAuthentication\":{\"endpoint\":\"/pusher/user-auth\",\"transport\":\"ajax\"}}"),
        options.toPusherJs());
  }

  @Test
  @DisplayName("settings of hosted Pusher: cluster, TLS and custom auth endpoints pass through")
  void hostedSettings() {
    Map<String, Object> js = PusherOptions.fromMap(Json.parseObject(
        "{\"key\":\"k2\",\"cluster\":\"eu\",\"forceTLS\":true,\"enabledTransports\":[\"wss\",\"xhr_streaming\"],"
            + "\"channelAuthorization\":{\"endpoint\":\"/auth/channel\"},"
            + "\"userAuthentication\":{\"endpoint\":\"/auth/user\"}}")).toPusherJs();

    assertEquals("eu", js.get("cluster"));
    assertEquals(true, js.get("forceTLS"));
    assertEquals(List.of("wss", "xhr_streaming"), js.get("enabledTransports"));
    assertEquals("/auth/channel", ((Map<?, ?>) js.get("channelAuthorization")).get("endpoint"));
    assertEquals("/auth/user", ((Map<?, ?>) js.get("userAuthentication")).get("endpoint"));
    assertTrue(!js.containsKey("wsHost"));
  }

  @Test
  @DisplayName("bad settings fail with a message naming the setting")
  void badSettings() {
    assertThrows(IllegalArgumentException.class, () -> PusherOptions.fromMap(Json.parseObject("{}")));
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> PusherOptions.fromMap(Json.parseObject("{\"key\":\"k\",\"wsPort\":70000}")));
    assertTrue(port.getMessage().contains("wsPort"));
    IllegalArgumentException tls = assertThrows(IllegalArgumentException.class,
        () -> PusherOptions.fromMap(Json.parseObject("{\"key\":\"k\",\"forceTLS\":\"yes\"}")));
    assertTrue(tls.getMessage().contains("forceTLS"));
    assertThrows(IllegalStateException.class, () -> PusherOptions.forKey("k").toPusherJs(),
        "neither a cluster nor a wsHost");
  }
}
