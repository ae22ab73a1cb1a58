package io.vertebra.channels.cluster;

import static io.vertebra.channels.cluster.ClusterTestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.channel.PusherEvent;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.RecordingPresenceListener;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away and comes back empty (a restart without persistence): the nodes keep serving their own clients,
 * count the failures, reconnect by themselves, re-register their presence members, and fan-out resumes.
 */
class RedisOutageIT {

  private static TestCluster cluster;
  private static RedisServer redis;
  private static ChannelsTestServer node1;
  private static ChannelsTestServer node2;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start("outage-1", "outage-2");
    redis = cluster.redis;
    node1 = cluster.node(0);
    node2 = cluster.node(1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void nodesServeLocallyDuringAnOutageAndFanOutResumesAfterARedisRestart() throws Exception {
    String room = "presence-outage";
    try (JavaClient onA = new JavaClient(node1, "a"); JavaClient onB = new JavaClient(node2, "b")) {
      onA.subscribe("ticker", "tick");
      onB.subscribe("ticker", "tick");
      RecordingPresenceListener aView = RecordingPresenceListener.join(onA, room);
      assertEquals("users:1", aView.next());
      trigger(node2, "before");
      assertEquals("{\"n\":\"before\"}", onA.next(5000).getData());
      assertNotNull(onB.next(5000));

      redis.stop();
      await("node 2 notices the outage", 10, () -> !node2.app().cluster().connected());
      long errorsBefore = node2.stats().clusterErrors();
      trigger(node2, "during");
      PusherEvent local = onB.next(5000);
      assertNotNull(local, "the node keeps serving its own subscribers without Redis");
      assertEquals("{\"n\":\"during\"}", local.getData());
      assertNull(onA.next(500), "nothing crosses nodes while Redis is down");
      assertTrue(node2.stats().clusterErrors() > errorsBefore, "the failed fan-out is counted");
      assertFalse(node2.app().cluster().connected());

      redis.start(); // same port, empty: everything the nodes registered is gone
      await("both nodes reconnect", 20, () -> node1.app().cluster().connected() && node2.app().cluster().connected());
      await("fan-out resumes", 20, () -> {
        trigger(node2, "after");
        try {
          PusherEvent e = onA.next(300);
          return e != null && e.getData().contains("after");
        } catch (InterruptedException ex) {
          throw new AssertionError(ex);
        }
      });
      await("presence is re-registered", 10, () -> userCount(node2, room) == 1);

      try (JavaClient bob = new JavaClient(node2, "bob")) {
        RecordingPresenceListener bobView = RecordingPresenceListener.join(bob, room);
        assertEquals("users:2", bobView.next(), "a new member sees the member registered before the restart");
        String change;
        do {
          change = aView.next();
        } while (change != null && !change.equals("added:bob"));
        assertEquals("added:bob", change);
      }
    }
  }

  private static void trigger(ChannelsTestServer node, String n) {
    TestCluster.json(node.rest().trigger("ticker", "tick", Map.of("n", n)));
  }

  private static int userCount(ChannelsTestServer node, String channel) {
    return TestCluster.channelInfo(node, channel, "user_count").get("user_count").asInt();
  }

  @Test
  void aNodeStartsWithoutRedisServesLocallyAndJoinsWhenRedisAppears() throws Exception {
    try (RedisServer late = RedisServer.notStarted();
        ChannelsTestServer node = new ChannelsTestServer(ClusterTestNodes.env(late, "early"))) {
      assertFalse(node.app().cluster().connected());
      try (JavaClient client = new JavaClient(node, "c")) {
        client.subscribe("ticker", "tick");
        trigger(node, "alone");
        assertNotNull(client.next(5000), "served locally without Redis");
      }
      late.start();
      await("the node joins the cluster once Redis is up", 20,
          () -> node.app().cluster().connected() && ClusterTestNodes.registered(late, "early"));
    }
  }
}
