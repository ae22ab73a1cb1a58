package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpServer;
import io.vertebra.channels.protocol.Frames;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhooks reach a receiver that checks them with pusher-http-java's validateWebhookSignature, including after the
 * receiver failed once (retry).
 */
class WebhookIT {

  /** Added by the test receiver to each event: the time_ms of the batch it came in. */
  private static final String BATCH_TIME = "batch_time_ms";

  @Test
  void presenceAndClientEventWebhooksAreSignedBatchedAndRetried() throws Exception {
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    List<String> invalid = new ArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ChannelsTestServer[] server = new ChannelsTestServer[1];
    receiver.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean firstAttempt = requests.incrementAndGet() == 1;
      Validity validity = server[0].rest().validateWebhookSignature(
          exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
          exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body);
      if (validity != Validity.VALID) {
        invalid.add(validity + ": " + body);
      }
      if (!firstAttempt) {
        Frames.JSON.readTree(body).get("events").forEach(events::add);
      }
      exchange.sendResponseHeaders(firstAttempt ? 503 : 200, -1); // the first delivery fails: must be retried
      exchange.close();
    });
    receiver.start();
    try (ChannelsTestServer s = new ChannelsTestServer(Map.of("CHANNELS_WEBHOOK_URL",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"))) {
      server[0] = s;
      try (JavaClient alice = new JavaClient(s, "alice"); JavaClient bob = new JavaClient(s, "bob")) {
        RecordingPresenceListener.join(alice, "presence-hooks");
        RecordingPresenceListener.join(bob, "presence-hooks");
        Thread.sleep(500);
        bob.pusher.getPresenceChannel("presence-hooks").trigger("client-wave", "{\"hand\":\"left\"}");
        JsonNode occupied = nextNamed(events, "channel_occupied");
        assertEquals("presence-hooks", occupied.get("channel").asText());
        JsonNode wave = nextNamed(events, "client_event");
        assertEquals("client-wave", wave.get("event").asText());
        assertEquals("bob", wave.get("user_id").asText());
        assertEquals(bob.socketId(), wave.get("socket_id").asText());
      }
      JsonNode vacated = nextNamed(events, "channel_vacated");
      assertEquals("presence-hooks", vacated.get("channel").asText());
      for (int i = 0; i < 100 && removedUsers(events).size() < 2; i++) {
        Thread.sleep(50);
      }
      assertEquals(Set.of("alice", "bob"), removedUsers(events));
    } finally {
      receiver.stop(0);
    }
    assertTrue(invalid.isEmpty(), invalid.toString());
    assertTrue(requests.get() >= 2, "the failed delivery was retried");
  }

  @Test
  void subscribingToAnEmptyCacheChannelSendsOneCacheMissWebhook() throws Exception {
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks", exchange -> {
      Frames.JSON.readTree(exchange.getRequestBody().readAllBytes()).get("events").forEach(events::add);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    try (ChannelsTestServer s = new ChannelsTestServer(Map.of("CHANNELS_WEBHOOK_URL",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"));
        JavaClient first = new JavaClient(s, "a")) {
      first.subscribe("cache-weather", "update");
      assertEquals("cache-weather", nextNamed(events, "cache_miss").get("channel").asText());

      s.rest().trigger("cache-weather", "update", Map.of("sky", "clear"));
      assertEquals("update", first.next(5_000).getEventName());
      try (JavaClient second = new JavaClient(s, "b")) {
        second.subscribe("cache-weather", "update");
        assertEquals("update", second.next(5_000).getEventName(), "the cached event, replayed");
      }
      first.close();
      nextNamed(events, "channel_vacated"); // queued after anything the second subscription caused
      assertEquals(1, events.stream().filter(e -> e.get("name").asText().equals("cache_miss")).count(),
          events::toString);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void subscriptionCountWebhooksFollowEveryChangeOfASmallChannel() throws Exception {
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ChannelsTestServer[] server = new ChannelsTestServer[1];
    List<String> invalid = new CopyOnWriteArrayList<>();
    receiver.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (server[0].rest().validateWebhookSignature(exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
          exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body) != Validity.VALID) {
        invalid.add(body);
      }
      // Batches travel concurrently and may arrive out of order (as with Pusher): a receiver orders them by their
      // time_ms, so each event keeps its batch's.
      JsonNode batch = Frames.JSON.readTree(body);
      long timeMs = batch.get("time_ms").asLong();
      batch.get("events").forEach(e -> events.add(((ObjectNode) e).put(BATCH_TIME, timeMs)));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    try (ChannelsTestServer s = new ChannelsTestServer(Map.of("CHANNELS_WEBHOOK_URL",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "CHANNELS_SUBSCRIPTION_COUNT", "true"))) {
      server[0] = s;
      try (JavaClient a = new JavaClient(s, "a")) {
        a.subscribe("counted", "x");
        try (JavaClient b = new JavaClient(s, "b")) {
          b.subscribe("counted", "x");
          RecordingPresenceListener.join(b, "presence-uncounted");
          waitForCounts(events, 2);
        }
        waitForCounts(events, 3);
      }
      nextNamed(events, "channel_vacated");
      waitForCounts(events, 4);
      assertEquals(List.of(1, 2, 1, 0), counts(inSendingOrder(events)), events::toString);
      assertTrue(events.stream().filter(e -> e.get("name").asText().equals("subscription_count"))
          .allMatch(e -> e.get("channel").asText().equals("counted")), "none for the presence channel: " + events);
    } finally {
      receiver.stop(0);
    }
    assertTrue(invalid.isEmpty(), invalid.toString());
  }

  /** The events ordered by their batch's time_ms (stable: one batch keeps its own order). */
  private static List<JsonNode> inSendingOrder(List<JsonNode> events) {
    return events.stream().sorted(Comparator.comparingLong(e -> e.get(BATCH_TIME).asLong())).toList();
  }

  private static List<Integer> counts(List<JsonNode> events) {
    return events.stream().filter(e -> e.get("name").asText().equals("subscription_count"))
        .map(e -> e.get("subscription_count").asInt()).toList();
  }

  private static void waitForCounts(List<JsonNode> events, int n) throws InterruptedException {
    for (int i = 0; i < 200 && counts(events).size() < n; i++) {
      Thread.sleep(50);
    }
  }

  private static Set<String> removedUsers(List<JsonNode> events) {
    return events.stream().filter(e -> e.get("name").asText().equals("member_removed"))
        .map(e -> e.get("user_id").asText()).collect(java.util.stream.Collectors.toSet());
  }

  /** The first webhook event named {@code name}; a retried batch may arrive after later ones, as with Pusher. */
  private static JsonNode nextNamed(List<JsonNode> events, String name) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      for (JsonNode e : events) {
        if (name.equals(e.get("name").asText())) {
          return e;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + name + " webhook; saw " + events);
  }
}
