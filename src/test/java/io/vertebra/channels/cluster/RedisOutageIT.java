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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis goes away and comes back empty (a restart without persistence): the nodes keep serving their own clients,
 * count the failures, reconnect by themselves, re-register their presence members, and fan-out resumes. What the
 * clients see of it is {@link RedisRestartIT}'s subject.
 */
class RedisOutageIT {

  @RegisterExtension
  static final TestCluster CLUSTER = TestCluster.of("outage-1", "outage-2");

  @Test
  void nodesServeLocallyDuringAnOutageAndFanOutResumesAfterARedisRestart() throws Exception {
    String room = "presence-outage";
    try (JavaClient onA = new JavaClient(CLUSTER.node(1), "a"); JavaClient onB = new JavaClient(CLUSTER.node(2), "b")) {
      onA.subscribe("ticker", "tick");
      onB.subscribe("ticker", "tick");
      RecordingPresenceListener aView = RecordingPresenceListener.join(onA, room);
      assertEquals("users:1", aView.next());
      trigger(CLUSTER.node(2), "before");
      assertEquals("{\"n\":\"before\"}", onA.next(5000).getData());
      assertNotNull(onB.next(5000));

      CLUSTER.redis().stop();
      await("node 2 notices the outage", 10, () -> !CLUSTER.node(2).app().cluster().connected());
      long errorsBefore = CLUSTER.node(2).stats().clusterErrors();
      trigger(CLUSTER.node(2), "during");
      PusherEvent local = onB.next(5000);
      assertNotNull(local, "the node keeps serving its own subscribers without Redis");
      assertEquals("{\"n\":\"during\"}", local.getData());
      assertNull(onA.next(500), "nothing crosses nodes while Redis is down");
      assertTrue(CLUSTER.node(2).stats().clusterErrors() > errorsBefore, "the failed fan-out is counted");
      assertFalse(CLUSTER.node(2).app().cluster().connected());

      CLUSTER.redis().start(); // same port, empty: everything the nodes registered is gone
      await("both nodes reconnect", 20,
          () -> CLUSTER.node(1).app().cluster().connected() && CLUSTER.node(2).app().cluster().connected());
      await("fan-out resumes", 20, () -> {
        trigger(CLUSTER.node(2), "after");
        try {
          PusherEvent e = onA.next(300);
          return e != null && e.getData().contains("after");
        } catch (InterruptedException ex) {
          throw new AssertionError(ex);
        }
      });
      await("presence is re-registered", 10, () -> userCount(CLUSTER.node(2), room) == 1);
      String resubscribed;
      do { // the outage made node 1 ask alice's client to reconnect and re-fetch (RedisRestartIT)
        resubscribed = aView.next();
      } while (resubscribed != null && !resubscribed.startsWith("users:"));
      assertEquals("users:1", resubscribed, "alice's client subscribed again");

      try (JavaClient bob = new JavaClient(CLUSTER.node(2), "bob")) {
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
