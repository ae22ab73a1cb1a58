package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpServer;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.protocol.Frames;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Subscription counts are the cluster's, with pusher-java-client on two nodes (one in its own JVM, so it can be
 * killed): a subscriber on one node hears of subscribers on the other, the {@code subscription_count} webhook goes
 * out once per change with the cluster's count, and the subscribers of a node that dies stop counting once its
 * liveness key expires.
 */
class ClusterSubscriptionCountIT {

  /** A killed node's subscribers must be gone by then: TTL (5 s) + one heartbeat (1 s) + slack for a busy box. */
  private static final long CRASH_BOUND_MILLIS = NodeMaintenance.NODE_TTL_MILLIS
      + NodeMaintenance.HEARTBEAT_MILLIS + 3_000;
  private static final String COUNT = "pusher:subscription_count";

  @Test
  void countsAndWebhooksCoverEveryNodeAndForgetADeadOne() throws Exception {
    List<JsonNode> hooks = new CopyOnWriteArrayList<>();
    List<String> invalid = new CopyOnWriteArrayList<>();
    HttpServer receiver = webhookReceiver(hooks, invalid);
    receiver.start();
    Map<String, String> options = Map.of("CHANNELS_SUBSCRIPTION_COUNT", "true",
        "CHANNELS_WEBHOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    try (RedisServer redis = RedisServer.startNew();
        ChannelsTestServer first = startNode(redis, "first", options);
        JavaClient alice = new JavaClient(first, "alice")) {
      alice.subscribe("counted", COUNT);
      assertEquals(1, nextCount(alice));
      try (NodeProcess second = NodeProcess.start(redis, "second", options)) {
        JavaClient bob = new JavaClient(second.port(), ClusterTestNodes.KEY, second.rest(), "bob");
        try {
          bob.subscribe("counted", COUNT);
          assertEquals(2, nextCount(bob), "bob counts alice, on the other node");
          assertEquals(2, nextCount(alice), "alice hears of bob, on the other node");
          try (JavaClient carol = new JavaClient(first, "carol")) {
            carol.subscribe("counted", COUNT);
            assertEquals(3, nextCount(carol));
            assertEquals(3, nextCount(alice));
            assertEquals(3, nextCount(bob));

            // bob's webhook leaves from the second node: let it out before the node dies
            ClusterTestNodes.await("the second node's webhook", 15, () -> counts(hooks).contains(2));
            second.kill();
            long killedAt = System.nanoTime();
            assertEquals(2, nextCount(alice, CRASH_BOUND_MILLIS), "bob died with his node");
            long tookMillis = (System.nanoTime() - killedAt) / 1_000_000;
            assertTrue(tookMillis >= NodeMaintenance.NODE_TTL_MILLIS - 1_500,
                "forgotten by the liveness TTL (after " + tookMillis + " ms)");
            assertEquals(2, nextCount(carol));
          }
          assertEquals(1, nextCount(alice), "carol left");
        } finally {
          bob.close();
        }
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (counts(hooks).size() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      List<Integer> counts = counts(hooks);
      assertEquals(5, counts.size(), "one webhook per change: " + hooks);
      assertEquals(List.of(1, 2, 3), counts.subList(0, 3).stream().sorted().toList(),
          "one webhook per change, from the node where it happened (in any order), with the cluster's count: "
              + hooks);
      assertEquals(List.of(2, 1), counts.subList(3, counts.size()), "the reaper's, then carol's: " + hooks);
    } finally {
      receiver.stop(0);
    }
    assertTrue(invalid.isEmpty(), invalid.toString());
  }

  private static ChannelsTestServer startNode(RedisServer redis, String nodeId, Map<String, String> options)
      throws Exception {
    Map<String, String> env = new HashMap<>(ClusterTestNodes.env(redis, nodeId));
    env.putAll(options);
    ChannelsTestServer node = new ChannelsTestServer(env);
    ClusterTestNodes.await("node " + nodeId + " registered", 10,
        () -> node.app().cluster().connected() && ClusterTestNodes.registered(redis, nodeId));
    return node;
  }

  /** Collects webhook events, checking each request's signature with pusher-http-java (same app everywhere). */
  private static HttpServer webhookReceiver(List<JsonNode> hooks, List<String> invalid) throws Exception {
    com.pusher.rest.Pusher rest = new com.pusher.rest.Pusher(ClusterTestNodes.APP_ID, ClusterTestNodes.KEY,
        ClusterTestNodes.SECRET);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (rest.validateWebhookSignature(exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
          exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body) != Validity.VALID) {
        invalid.add(body);
      }
      Frames.JSON.readTree(body).get("events").forEach(hooks::add);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    return receiver;
  }

  private static List<Integer> counts(List<JsonNode> hooks) {
    return hooks.stream().filter(e -> e.get("name").asText().equals("subscription_count"))
        .map(e -> e.get("subscription_count").asInt()).toList();
  }

  private static int nextCount(JavaClient client) throws Exception {
    return nextCount(client, 5_000);
  }

  /** The count of the client's next {@code pusher:subscription_count} event; fails when none comes in time. */
  private static int nextCount(JavaClient client, long millis) throws Exception {
    PusherEvent event = client.next(millis);
    if (event == null) {
      throw new AssertionError("no subscription count within " + millis + " ms");
    }
    assertEquals(COUNT, event.getEventName());
    return Frames.JSON.readTree(event.getData()).get("subscription_count").asInt();
  }
}
