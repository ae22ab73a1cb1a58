package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.kit.ops.Exposition;
import io.vertebra.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The edge under generated hostile handshakes (seeded, so a failure replays): forged {@code Origin} headers (other
 * sites, look-alikes of the app's own origin, {@code null}, other schemes and ports, dressed up with forged
 * {@code X-Forwarded-Host}/{@code -Proto}) never open a socket beside the app; forged {@code X-Forwarded-For} and
 * {@code Forwarded} from an address that is not a trusted proxy never buy another connection quota or turn the
 * app's answers to TLS; and a flood of new connections over the per-address rate is refused with 4301 while a
 * bystander socket keeps receiving events, the refusals counted in {@code /metrics}.
 */
class EdgeHostileIT {

  private static final long SEED = Long.getLong("hostile.seed", 20261207L);

  @Test
  void forgedOriginsNeverOpenASocketBesideTheApp() throws Exception {
    try (TestApp app = TestApp.serve()) {
      app.start();
      int port = app.server().port();
      String path = "/app/" + app.server().realtime().key() + "?protocol=7";
      Random random = new Random(SEED);
      List<String> admitted = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Map<String, String> headers = new LinkedHashMap<>();
        String origin = forgedOrigin(random, port);
        headers.put("Origin", origin);
        String authority = origin.contains("://") ? origin.substring(origin.indexOf("://") + 3) : "";
        if (random.nextBoolean()) {
          headers.put("X-Forwarded-Host", authority.isEmpty() ? "evil.example" : authority);
          headers.put("X-Forwarded-Proto", random.nextBoolean() ? "https" : "http");
        }
        try (RawSocket socket = RawSocket.openWith(headers, port, path)) {
          JsonNode first = socket.next(5_000);
          assertNotNull(first, "no answer to " + headers);
          if (!"pusher:error".equals(first.path("event").asText())) {
            admitted.add(headers + " -> " + first);
            continue;
          }
          assertEquals(ErrorCode.UNAUTHORIZED, first.path("data").path("code").asInt(), first.toString());
          assertEquals(ErrorCode.UNAUTHORIZED, socket.awaitClose(5_000));
        }
      }
      assertEquals(List.of(), admitted, "forged origins admitted (seed " + SEED + ")");
      try (RawSocket own = RawSocket.openWith(Map.of("Origin", "http://127.0.0.1:" + port), port, path)) {
        assertEquals("pusher:connection_established", own.next(5_000).path("event").asText(),
            "the app's own pages still connect");
      }
    }
  }

  /**
   * Another site, or a look-alike of the app's own origin {@code http://127.0.0.1:PORT}. Not
   * {@code https://127.0.0.1:PORT}: the same host and port under the other scheme is the app's own (behind a TLS
   * front the app cannot tell the page's scheme), and only whoever answers on that host and port can serve it.
   */
  private static String forgedOrigin(Random random, int port) {
    String[] forms = {"http://evil.example", "https://127.0.0.1:" + (port + 2), "http://127.0.0.1:" + (port + 1),
        "http://127.0.0.1:" + port + ".evil.example", "http://127.0.0.1.evil.example:" + port, "null",
        "http://localhost.evil.example:" + port, "ws://127.0.0.1:" + port + "x", "http://[::2]:" + port,
        "http://" + random.nextInt(256) + "." + random.nextInt(256) + ".0.1:" + port,
        "https://evil.example:" + port, "file://"};
    return forms[random.nextInt(forms.length)];
  }

  @Test
  void forgedForwardingFromAnUntrustedPeerBuysNothing() throws Exception {
    try (TestApp app = TestApp.serve(Map.of("CHANNELS_MAX_CONNECTIONS_PER_IP", "2"))) {
      app.start();
      int port = app.server().port();
      String path = "/app/" + app.server().realtime().key() + "?protocol=7";
      Random random = new Random(SEED);
      List<RawSocket> open = new ArrayList<>();
      int established = 0;
      try {
        for (int i = 0; i < 12; i++) {
          RawSocket socket = RawSocket.openWith(forgedForwarding(random), port, path);
          open.add(socket);
          JsonNode first = socket.next(5_000);
          assertNotNull(first);
          if ("pusher:connection_established".equals(first.path("event").asText())) {
            established++;
          } else {
            assertEquals(ErrorCode.OVER_CONNECTION_QUOTA, first.path("data").path("code").asInt(), first.toString());
          }
        }
      } finally {
        open.forEach(RawSocket::close);
      }
      assertEquals(2, established, "forged client addresses do not multiply 127.0.0.1's quota of 2");
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 10; i++) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/config"));
        forgedForwarding(random).forEach(request::header);
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("\"forceTLS\":true"), "a forged proto is not believed: " + r.body());
        assertFalse(r.body().contains("evil"), "nor a forged host: " + r.body());
      }
    }
  }

  private static Map<String, String> forgedForwarding(Random random) {
    String address = "198.51.100." + random.nextInt(255);
    Map<String, String> headers = new LinkedHashMap<>();
    switch (random.nextInt(4)) {
      case 0 -> headers.put("X-Forwarded-For", address);
      case 1 -> headers.put("X-Forwarded-For", "127.0.0.1, " + address);
      case 2 -> headers.put("Forwarded", "for=" + address + ";proto=https;host=evil.example");
      default -> headers.put("Forwarded", "for=\"[2001:db8::" + random.nextInt(999)
          + "]:80\";by=\"a,b\";proto=https, for=" + address);
    }
    headers.put("X-Forwarded-Proto", "https");
    headers.put("X-Forwarded-Host", "evil.example");
    return headers;
  }

  @Test
  void aConnectionFloodIsRefusedWith4301WhileABystanderIsServed() throws Exception {
    try (TestApp app = TestApp.serve(Map.of("CHANNELS_NEW_CONNECTIONS_PER_IP_PER_SECOND", "5"))) {
      app.start();
      int port = app.server().port();
      String path = "/app/" + app.server().realtime().key() + "?protocol=7";
      Pusher rest = app.newRestClient();
      try (RawSocket bystander = RawSocket.open(port, path)) {
        bystander.socketId();
        bystander.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"calm\"}}");
        assertNotNull(bystander.next("pusher_internal:subscription_succeeded", 5_000));
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < 40; i++) {
          try (RawSocket socket = RawSocket.openWith(forgedForwarding(random), port, path)) {
            JsonNode first = socket.next(5_000);
            assertNotNull(first);
            if ("pusher:error".equals(first.path("event").asText())) {
              assertEquals(ErrorCode.CONNECTION_RATE_LIMIT, first.path("data").path("code").asInt(),
                  first.toString());
              refused++;
            }
          }
          if (i % 10 == 9) {
            assertEquals(200, rest.trigger("calm", "still-here", Map.of("i", i)).getHttpStatus());
            assertNotNull(bystander.next("still-here", 5_000), "the bystander is served during the flood");
          }
        }
        assertTrue(refused >= 20, "most of 40 connections at once over 5 a second were refused: " + refused);
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(app.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(refused, Exposition.parse(metrics.body()).value("vertebra_channels_connections_rejected_total",
            "code", Integer.toString(ErrorCode.CONNECTION_RATE_LIMIT)));
      }
    }
  }
}
