package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpServer;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.kit.ops.Exposition;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Several apps in one server (CHANNELS_APPS), with the real client libraries: pusher-java-client sockets and
 * pusher-http-java triggers on two apps never see each other's events, presence members or channels; a signature
 * made with one app's secret is refused by the other; an unknown key is refused with 4001 and an unknown app id
 * with a 404; each app has its own limits and its own webhooks; pusher-js runs its scenarios against the second app;
 * and {@code /metrics} labels every series with its app.
 */
class MultiAppIT {

  static final String SHOP_ID = "shop";
  static final String SHOP_KEY = "shop-key";
  static final String SHOP_SECRET = "shop-secret-0123456789";

  private static String shopApp(String extra) {
    return "[{\"id\": \"" + SHOP_ID + "\", \"key\": \"" + SHOP_KEY + "\", \"secret\": \"" + SHOP_SECRET + "\""
        + extra + "}]";
  }

  private static Pusher shopRest(ChannelsTestServer server) {
    Pusher rest = new Pusher(SHOP_ID, SHOP_KEY, SHOP_SECRET);
    rest.setHost("127.0.0.1:" + server.port());
    rest.setRequestTimeout(30_000);
    return rest;
  }

  @Test
  void eventsOfOneAppNeverReachTheOther() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_APPS", shopApp("")));
        Pusher shop = shopRest(server);
        JavaClient onDefault = new JavaClient(server, "u1");
        JavaClient onShop = new JavaClient(server.port(), SHOP_KEY, shop, "u2")) {
      onDefault.subscribe("news", "story");
      onShop.subscribe("news", "story");
      onShop.subscribe("private-orders", "placed");

      assertEquals(200, shop.trigger("news", "story", Map.of("from", "shop")).getHttpStatus());
      PusherEvent got = onShop.next(10_000);
      assertTrue(got != null && got.getData().contains("\"shop\""), "the shop's subscriber hears the shop");
      assertEquals(200, server.rest().trigger("news", "story", Map.of("from", "default")).getHttpStatus());
      got = onDefault.next(10_000);
      assertTrue(got != null && got.getData().contains("\"default\""), "the default app's subscriber hears it");
      assertNull(onDefault.next(500), "the shop's event did not reach the default app");
      assertNull(onShop.next(500), "the default app's event did not reach the shop");

      // The HTTP API of each app sees only its own channels.
      Result shopChannels = shop.get("/channels");
      assertTrue(shopChannels.getMessage().contains("private-orders"), shopChannels.getMessage());
      Result defaultChannels = server.rest().get("/channels");
      assertTrue(!defaultChannels.getMessage().contains("private-orders"), defaultChannels.getMessage());
    }
  }

  @Test
  void presenceMembersOfOneAppAreNotMembersOfTheOther() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_APPS", shopApp("")));
        Pusher shop = shopRest(server);
        JavaClient alice = new JavaClient(server, "alice");
        JavaClient bob = new JavaClient(server.port(), SHOP_KEY, shop, "bob")) {
      RecordingPresenceListener.join(alice, "presence-room");
      RecordingPresenceListener.join(bob, "presence-room");
      JsonNode defaultUsers = Frames.JSON.readTree(server.rest().get("/channels/presence-room/users").getMessage());
      JsonNode shopUsers = Frames.JSON.readTree(shop.get("/channels/presence-room/users").getMessage());
      assertEquals("[{\"id\":\"alice\"}]", defaultUsers.get("users").toString());
      assertEquals("[{\"id\":\"bob\"}]", shopUsers.get("users").toString());
    }
  }

  @Test
  void oneAppsSignatureIsRefusedByTheOther() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_APPS", shopApp("")));
        Pusher forged = new Pusher(SHOP_ID, server.key(), server.secret());
        Pusher forgedSecret = new Pusher(SHOP_ID, SHOP_KEY, server.secret());
        JavaClient onShop = new JavaClient(server.port(), SHOP_KEY, shopRest(server), "u")) {
      onShop.subscribe("news", "story");
      for (Pusher p : List.of(forged, forgedSecret)) {
        p.setHost("127.0.0.1:" + server.port());
        Result result = p.trigger("news", "story", Map.of("forged", true));
        assertEquals(401, result.getHttpStatus(), result.getMessage());
      }
      assertNull(onShop.next(500), "no forged event was delivered");
      // A channel authorization signed with the default app's secret does not open the shop's private channel,
      // which the shop's own authorization does.
      onShop.subscribe("private-orders");
      try (JavaClient impostor = new JavaClient(server.port(), SHOP_KEY, server.rest(), "mallory")) {
        impostor.pusher.subscribePrivate("private-orders", new PrivateChannelEventListener() {
          @Override
          public void onAuthenticationFailure(String message, Exception e) {}

          @Override
          public void onSubscriptionSucceeded(String channel) {}

          @Override
          public void onEvent(PusherEvent event) {}
        });
        Thread.sleep(1_500);
        assertTrue(!impostor.pusher.getPrivateChannel("private-orders").isSubscribed(),
            "a subscription signed with another app's secret is refused");
      }
    }
  }

  @Test
  void anUnknownKeyIsRefusedWith4001AndAnUnknownAppIdWith404() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_APPS", shopApp("")))) {
      try (RawSocket socket = RawSocket.open(server, "/app/no-such-key?protocol=7")) {
        assertEquals(4001, socket.awaitClose(10_000));
      }
      try (RawSocket socket = RawSocket.open(server, "/app/" + SHOP_KEY + "?protocol=7")) {
        assertEquals("pusher:connection_established", socket.next(10_000).get("event").asText());
      }
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.baseUrl() + "/apps/nope/events")).POST(HttpRequest.BodyPublishers.ofString("{}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode());
      JsonNode body = Frames.JSON.readTree(r.body());
      assertEquals("not_found", body.get("error").asText());
      assertEquals("Unknown app id nope", body.get("message").asText());
    }
  }

  @Test
  void eachAppHasItsOwnLimits() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_APPS",
            shopApp(", \"max_api_requests_per_second\": 1, \"max_connections\": 1")));
        Pusher shop = shopRest(server)) {
      int refused = 0;
      for (int i = 0; i < 10; i++) {
        Result result = shop.trigger("flood", "tick", Map.of("n", i));
        if (result.getHttpStatus() == 429) {
          refused++;
        }
      }
      assertTrue(refused > 0, "the shop's budget of one request a second refused some of 10");
      for (int i = 0; i < 10; i++) {
        assertEquals(200, server.rest().trigger("flood", "tick", Map.of("n", i)).getHttpStatus(),
            "the default app has no such limit");
      }
      try (RawSocket first = RawSocket.open(server, "/app/" + SHOP_KEY + "?protocol=7");
          RawSocket second = RawSocket.open(server, "/app/" + SHOP_KEY + "?protocol=7");
          RawSocket other = RawSocket.open(server, "/app/" + server.key() + "?protocol=7")) {
        assertEquals("pusher:connection_established", first.next(10_000).get("event").asText());
        assertEquals(4004, second.awaitClose(10_000), "over the shop's max_connections of 1");
        assertEquals("pusher:connection_established", other.next(10_000).get("event").asText());
      }
      Exposition metrics = Exposition.parse(get(server, "/metrics"));
      assertEquals(1, metrics.value("vertebra_channels_max_connections_limit", "app", SHOP_ID));
      assertEquals(1, metrics.value("vertebra_channels_api_requests_per_second_limit", "app", SHOP_ID));
      assertEquals(0, metrics.value("vertebra_channels_api_requests_per_second_limit", "app", server.appId()));
      assertEquals(refused, metrics.value("vertebra_channels_api_requests_total", "app", SHOP_ID, "code", "429"));
      assertEquals(10, metrics.value("vertebra_channels_api_requests_total", "app", server.appId(), "code", "200"));
    }
  }

  @Test
  void eachAppsWebhooksGetOnlyItsEventTypesSignedWithItsSecret() throws Exception {
    List<String> defaultHooks = new CopyOnWriteArrayList<>();
    List<String> shopHooks = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ChannelsTestServer[] server = new ChannelsTestServer[1];
    receiver.createContext("/default", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean valid = server[0].rest().validateWebhookSignature(exchange.getRequestHeaders()
          .getFirst("X-Pusher-Key"), exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body)
          == Validity.VALID;
      defaultHooks.add((valid ? "" : "INVALID ") + body);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.createContext("/shop", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      // validateWebhookSignature is pure HMAC: this client never opens a connection
      Pusher shop = new Pusher(SHOP_ID, SHOP_KEY, SHOP_SECRET);
      boolean valid = shop.validateWebhookSignature(exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
          exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body) == Validity.VALID;
      shopHooks.add((valid ? "" : "INVALID ") + body);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    try (ChannelsTestServer s = new ChannelsTestServer(Map.of("CHANNELS_WEBHOOK_URL", base + "/default",
            "CHANNELS_APPS", shopApp(", \"webhooks\": [{\"url\": \"" + base + "/shop\", \"event_types\": "
                + "[\"channel_occupied\"]}]")));
        Pusher shop = shopRest(s)) {
      server[0] = s;
      try (JavaClient onDefault = new JavaClient(s, "u1"); JavaClient onShop = new JavaClient(s.port(), SHOP_KEY,
          shop, "u2")) {
        onDefault.subscribe("default-room");
        onShop.subscribe("shop-room");
        onShop.pusher.unsubscribe("shop-room"); // channel_vacated: not a type the shop asked for
        onDefault.pusher.unsubscribe("default-room");
        awaitContaining(defaultHooks, "channel_vacated");
        awaitContaining(shopHooks, "shop-room");
        Thread.sleep(1_000); // a later batch would carry the shop's vacated event, had it been sent
      }
    } finally {
      receiver.stop(0);
    }
    String shopAll = String.join("\n", shopHooks);
    String defaultAll = String.join("\n", defaultHooks);
    assertTrue(!shopAll.contains("INVALID") && !defaultAll.contains("INVALID"), shopAll + "\n" + defaultAll);
    assertTrue(shopAll.contains("channel_occupied") && !shopAll.contains("channel_vacated"), shopAll);
    assertTrue(!shopAll.contains("default-room"), "the shop's webhook hears nothing of the default app: " + shopAll);
    assertTrue(defaultAll.contains("default-room") && !defaultAll.contains("shop-room"), defaultAll);
  }

  @Test
  void pusherJsScenariosPassAgainstTheSecondApp() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_APPS", shopApp("")))) {
      List<String> lines = PusherJsRunner.run(server.port(), SHOP_ID, SHOP_KEY, SHOP_SECRET,
          "public,exclusion,private,forged,presence,clientEvents,signin,cache", null);
      String output = String.join("\n", lines);
      assertEquals("exit=0", lines.get(lines.size() - 1), output);
      for (String scenario : List.of("public", "private", "presence", "clientEvents", "signin", "cache")) {
        assertTrue(lines.contains("PASS " + scenario), scenario + "\n" + output);
      }
      Exposition metrics = Exposition.parse(get(server, "/metrics"));
      assertTrue(metrics.value("vertebra_channels_connections_opened_total", "app", SHOP_ID) > 0);
      assertEquals(0, metrics.value("vertebra_channels_connections_opened_total", "app", server.appId()),
          "pusher-js used only the shop's key");
    }
  }

  private static void awaitContaining(List<String> bodies, String text) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      if (bodies.stream().anyMatch(b -> b.contains(text))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no webhook with " + text + "; saw " + bodies);
  }

  static String get(ChannelsTestServer server, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
