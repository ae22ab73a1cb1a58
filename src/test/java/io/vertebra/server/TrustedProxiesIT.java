package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forwarding headers over real HTTP and WebSocket requests from 127.0.0.1: believed when 127.0.0.1 is a trusted
 * proxy (client address for the per-address quota, scheme for the cookie's {@code Secure} and
 * {@code /api/config}, host for the Host and Origin checks), and ignored, forged or not, when it is not.
 */
class TrustedProxiesIT {

  private static final String[] BEHIND_TLS = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example.com",
      "X-Forwarded-For", "203.0.113.9"};

  @Test
  void behindATrustedProxyTheAppSeesTheClientsSchemeHostAndAddress() throws Exception {
    try (TestApp app = TestApp.serve(Map.of("TRUSTED_PROXIES", "127.0.0.1, ::1",
        "ALLOWED_HOSTS", "app.example.com, 127.0.0.1", "CHANNELS_MAX_CONNECTIONS_PER_IP", "1"))) {
      app.start();
      ApiClient client = new ApiClient(app.baseUrl());
      JsonNode config = client.send("GET", "/api/config", null, BEHIND_TLS).json();
      assertTrue(config.path("forceTLS").asBoolean(), config.toString());
      assertEquals("app.example.com", config.path("wsHost").asText());
      assertEquals(443, config.path("wsPort").asInt());

      ApiClient.Reply session = client.send("POST", "/api/session", "{\"name\":\"Ann\"}", BEHIND_TLS);
      assertEquals(200, session.status(), session.toString());
      assertTrue(session.header("Set-Cookie").contains("; Secure"), session.header("Set-Cookie"));

      assertEquals(421, client.send("GET", "/api/config", null, "X-Forwarded-Host", "evil.example").status(),
          "the forwarded host is the one checked against ALLOWED_HOSTS");

      int port = app.server().port();
      String path = "/app/" + app.server().realtime().key() + "?protocol=7";
      // The app's own page behind TLS: its Origin names the public host, which the proxy forwarded.
      List<RawSocket> open = new ArrayList<>();
      try {
        open.add(established(RawSocket.openWith(Map.of("Origin", "https://app.example.com",
            "X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example.com", "X-Forwarded-For", "198.51.100.1"),
            port, path)));
        // Another client behind the same proxy has its own quota of one connection...
        open.add(established(RawSocket.openWith(Map.of("X-Forwarded-For", "198.51.100.2"), port, path)));
        // ...and the first client cannot get a fresh one by writing another address in front of its own.
        assertRefused(RawSocket.openWith(Map.of("X-Forwarded-For", "198.51.100.3, 198.51.100.1"), port, path),
            ErrorCode.OVER_CONNECTION_QUOTA);
      } finally {
        open.forEach(RawSocket::close);
      }
    }
  }

  @Test
  void withOnlyThePublicNameAllowedTheAppsOwnTriggersStillReachItsChannelsServer() throws Exception {
    try (TestApp app = TestApp.serve(Map.of("TRUSTED_PROXIES", "127.0.0.1", "ALLOWED_HOSTS", "app.example.com"))) {
      app.start();
      ApiClient client = new ApiClient(app.baseUrl());
      assertEquals(421, client.send("GET", "/api/config", null, "X-Forwarded-Host", "other.example").status());
      // Only the host: a Secure cookie would not come back over this test's plain HTTP.
      String[] publicName = {"X-Forwarded-Host", "app.example.com"};
      assertEquals(200, client.send("POST", "/api/session", "{\"name\":\"Ann\"}", publicName).status());
      int port = app.server().port();
      try (RawSocket socket = established(RawSocket.openWith(Map.of("X-Forwarded-Host", "app.example.com"), port,
          "/app/" + app.server().realtime().key() + "?protocol=7"))) {
        socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"posts\"}}");
        assertNotNull(socket.next("pusher_internal:subscription_succeeded", 5_000));
        ApiClient.Reply created = client.send("POST", "/api/posts", "{\"title\":\"t\",\"body\":\"b\"}",
            publicName);
        assertEquals(201, created.status(), created.toString());
        assertNotNull(socket.next("post:create", 10_000), "the app's trigger (to 127.0.0.1) was not refused");
      }
    }
  }

  @Test
  void forgedForwardingHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
    try (TestApp app = TestApp.serve(Map.of("TRUSTED_PROXIES", "10.9.9.9",
        "CHANNELS_MAX_CONNECTIONS_PER_IP", "1"))) {
      app.start();
      ApiClient client = new ApiClient(app.baseUrl());
      String[] forged = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "127.0.0.1",
          "Forwarded", "for=198.51.100.9;proto=https;host=evil.example", "X-Forwarded-For", "198.51.100.9"};
      JsonNode config = client.send("GET", "/api/config", null, forged).json();
      assertFalse(config.path("forceTLS").asBoolean(), config.toString());
      assertEquals(app.server().port(), config.path("wsPort").asInt());
      ApiClient.Reply session = client.send("POST", "/api/session", "{\"name\":\"Ann\"}", forged);
      assertEquals(200, session.status(), session.toString());
      assertFalse(session.header("Set-Cookie").contains("Secure"), session.header("Set-Cookie"));

      int port = app.server().port();
      String path = "/app/" + app.server().realtime().key() + "?protocol=7";
      // A forged X-Forwarded-Host does not make another site's page look like the app's own.
      assertRefused(RawSocket.openWith(Map.of("Origin", "https://evil.example", "X-Forwarded-Host", "evil.example",
          "X-Forwarded-Proto", "https"), port, path), ErrorCode.UNAUTHORIZED);
      // A forged X-Forwarded-For does not buy a second quota: both sockets are 127.0.0.1's.
      try (RawSocket first = established(RawSocket.openWith(Map.of("X-Forwarded-For", "198.51.100.1"), port,
          path))) {
        assertRefused(RawSocket.openWith(Map.of("X-Forwarded-For", "198.51.100.2"), port, path),
            ErrorCode.OVER_CONNECTION_QUOTA);
      }
    }
  }

  private static RawSocket established(RawSocket socket) throws InterruptedException {
    JsonNode first = socket.next(5_000);
    assertNotNull(first, "no answer");
    assertEquals("pusher:connection_established", first.path("event").asText(), first.toString());
    return socket;
  }

  private static void assertRefused(RawSocket socket, int code) throws Exception {
    try (socket) {
      JsonNode error = socket.next("pusher:error", 5_000);
      assertNotNull(error, "no refusal");
      assertEquals(code, error.path("data").path("code").asInt(), error.toString());
      assertEquals(code, socket.awaitClose(5_000));
    }
  }
}
