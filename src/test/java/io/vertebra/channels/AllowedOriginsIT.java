package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which pages may open WebSockets: {@code CHANNELS_ALLOWED_ORIGINS} when set; otherwise the app's own pages beside
 * the app ({@code serve}) and any page in {@code channels} mode. Clients that send no Origin (servers, native
 * apps) are never refused for it.
 */
class AllowedOriginsIT {

  @Test
  void anAllowlistAdmitsItsOriginsAndRefusesOtherPagesWith4009() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_ALLOWED_ORIGINS",
        "https://app.example.com, https://*.example.org"))) {
      String path = "/app/" + server.key() + "?protocol=7";
      assertRefused(RawSocket.openFrom("https://evil.example", server.port(), path));
      assertRefused(RawSocket.openFrom("https://example.org", server.port(), path));
      assertEstablished(RawSocket.openFrom("https://app.example.com", server.port(), path));
      assertEstablished(RawSocket.openFrom("https://team.example.org", server.port(), path));
      assertEstablished(RawSocket.open(server.port(), path));
    }
  }

  @Test
  void besideTheAppOnlyItsOwnPagesMayConnectByDefault() throws Exception {
    try (TestApp app = TestApp.serve()) {
      app.start();
      int port = app.server().port();
      RealtimeSettings realtime = app.server().realtime();
      String path = "/app/" + realtime.key() + "?protocol=7";
      assertEstablished(RawSocket.openFrom("http://127.0.0.1:" + port, port, path));
      assertRefused(RawSocket.openFrom("http://attacker.example", port, path));
      assertRefused(RawSocket.openFrom("http://127.0.0.1:" + (port == 65535 ? 1 : port + 1), port, path));
    }
  }

  @Test
  void aChannelsOnlyServerAdmitsAnyPageByDefault() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer()) {
      assertEstablished(RawSocket.openFrom("https://any-site.example", server.port(),
          "/app/" + server.key() + "?protocol=7"));
    }
  }

  private static void assertRefused(RawSocket socket) throws Exception {
    try (socket) {
      JsonNode error = socket.next("pusher:error", 5_000);
      assertNotNull(error, "no refusal");
      assertEquals(ErrorCode.UNAUTHORIZED, error.path("data").path("code").asInt(), error.toString());
      assertTrue(error.path("data").path("message").asText().startsWith("Origin not allowed"), error.toString());
      assertEquals(ErrorCode.UNAUTHORIZED, socket.awaitClose(5_000));
    }
  }

  private static void assertEstablished(RawSocket socket) throws Exception {
    try (socket) {
      assertNotNull(socket.next("pusher:connection_established", 5_000), "not established");
    }
  }
}
