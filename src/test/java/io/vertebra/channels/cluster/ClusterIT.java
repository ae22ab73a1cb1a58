package io.vertebra.channels.cluster;

import static io.vertebra.channels.cluster.ClusterTestNodes.await;
import static io.vertebra.channels.cluster.TestCluster.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PusherEvent;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.RecordingPresenceListener;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two channels-server nodes (in-process, separate Jetty servers) sharing one real redis-server, with the real
 * pusher-java-client as subscribers and pusher-http-java as the publisher: events, client events, presence and the
 * HTTP API's channel queries work across nodes, and nothing is delivered twice.
 */
class ClusterIT {

  @RegisterExtension
  static final TestCluster CLUSTER = TestCluster.of("node-1", "node-2");

  @Test
  void anEventTriggeredOnOneNodeReachesSubscribersOfBothExactlyOnce() throws Exception {
    try (JavaClient onA = new JavaClient(CLUSTER.node(1), "a"); JavaClient onB = new JavaClient(CLUSTER.node(2), "b")) {
      onA.subscribe("news", "headline");
      onB.subscribe("news", "headline");
      json(CLUSTER.node(2).rest().trigger("news", "headline", Map.of("title", "cluster")));
      PusherEvent remote = onA.next(5000);
      assertNotNull(remote, "the subscriber on the other node got the event");
      assertEquals("{\"title\":\"cluster\"}", remote.getData());
      assertNotNull(onB.next(5000), "the subscriber on the triggering node got the event");
      assertNull(onA.next(700), "delivered once on the remote node");
      assertNull(onB.next(100), "delivered once on the triggering node (its own bus message is skipped)");
    }
  }

  @Test
  void theExcludedSocketIdIsHonouredOnAnotherNode() throws Exception {
    try (JavaClient sender = new JavaClient(CLUSTER.node(2), "s");
        JavaClient onA = new JavaClient(CLUSTER.node(1), "a");
        JavaClient onB = new JavaClient(CLUSTER.node(2), "b")) {
      sender.subscribe("doc-7", "edit");
      onA.subscribe("doc-7", "edit");
      onB.subscribe("doc-7", "edit");
      json(CLUSTER.node(1).rest().trigger("doc-7", "edit", Map.of("v", 2), sender.socketId())); // triggered on node 1
      assertNotNull(onA.next(5000));
      assertNotNull(onB.next(5000));
      assertNull(sender.next(700), "the excluded socket (connected to node 2) is skipped");
    }
  }

  @Test
  void clientEventsCrossNodesAndAreNotEchoed() throws Exception {
    try (JavaClient a = new JavaClient(CLUSTER.node(1), "a"); JavaClient b = new JavaClient(CLUSTER.node(2), "b")) {
      a.subscribe("private-chat", "client-msg");
      b.subscribe("private-chat", "client-msg");
      a.pusher.getPrivateChannel("private-chat").trigger("client-msg", "{\"text\":\"hi\"}");
      PusherEvent received = b.next(5000);
      assertNotNull(received, "the client event reached the other node");
      assertEquals(Frames.JSON.readTree("{\"text\":\"hi\"}"), Frames.JSON.readTree(received.getData()));
      assertNull(a.next(700), "not echoed to the sender");
      assertNull(b.next(100), "delivered once");
    }
  }

  @Test
  void presenceMembersOfBothNodesAreListedAddedCountedOnceAndRemoved() throws Exception {
    String room = "presence-cluster-room";
    try (JavaClient alice = new JavaClient(CLUSTER.node(1), "alice")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());
      try (JavaClient bob = new JavaClient(CLUSTER.node(2), "bob")) {
        RecordingPresenceListener bobView = RecordingPresenceListener.join(bob, room);
        assertEquals("users:2", bobView.next(), "bob (node 2) sees alice (node 1) on subscribe");
        assertEquals("added:bob", aliceView.next(), "alice hears of bob across nodes");
        assertEquals("User bob", Frames.JSON.readTree(alice.pusher.getPresenceChannel(room).getUsers().stream()
            .filter(u -> u.getId().equals("bob")).findFirst().orElseThrow().getInfo()).get("name").asText(),
            "user_info crosses nodes");

        // alice's second connection, on the other node
        try (JavaClient aliceAgain = new JavaClient(CLUSTER.node(2), "alice")) {
          RecordingPresenceListener again = RecordingPresenceListener.join(aliceAgain, room);
          assertEquals("users:2", again.next(), "alice counts once");
          assertNull(bobView.changes.poll(700, java.util.concurrent.TimeUnit.MILLISECONDS),
              "no member_added for a user already present through another node");
          assertEquals(Set.of("alice", "bob"), TestCluster.users(CLUSTER.node(1), room));
          assertEquals(2, TestCluster.channelInfo(CLUSTER.node(1), room, "user_count").get("user_count").asInt());
        }
        assertNull(bobView.changes.poll(700, java.util.concurrent.TimeUnit.MILLISECONDS),
            "alice's other connection leaving does not remove her");
      }
      assertEquals("removed:bob", aliceView.next(), "bob leaving node 2 is announced on node 1");
      assertEquals(Set.of("alice"), TestCluster.users(CLUSTER.node(2), room));
    }
  }

  @Test
  void channelQueriesAnswerForTheWholeCluster() throws Exception {
    try (JavaClient onA = new JavaClient(CLUSTER.node(1), "a"); JavaClient onB1 = new JavaClient(CLUSTER.node(2), "b1");
        JavaClient onB2 = new JavaClient(CLUSTER.node(2), "b2")) {
      onA.subscribe("shared-q", "x");
      onB1.subscribe("shared-q", "x");
      onB2.subscribe("only-on-two", "x");
      await("node 1 sees both nodes' subscriptions", 5, () -> subscriptionCount(CLUSTER.node(1), "shared-q") == 2);
      assertEquals(1, subscriptionCount(CLUSTER.node(1), "only-on-two"), "a channel occupied only on node 2");
      JsonNode list = json(CLUSTER.node(1).rest().get("/channels", Map.of("info", "subscription_count")))
          .get("channels");
      assertEquals(2, list.get("shared-q").get("subscription_count").asInt());
      assertTrue(list.has("only-on-two"));
    }
    await("node 1 sees node 2's channel vacated", 5, () -> subscriptionCount(CLUSTER.node(1), "only-on-two") == 0);
  }

  private static int subscriptionCount(ChannelsTestServer node, String channel) {
    JsonNode info = TestCluster.channelInfo(node, channel, "subscription_count");
    return info.get("occupied").asBoolean() ? info.get("subscription_count").asInt() : 0;
  }

  @Test
  void aCacheChannelReplaysAnEventTriggeredOnAnotherNode() throws Exception {
    json(CLUSTER.node(1).rest().trigger("cache-scores", "score", Map.of("home", 1)));
    try (JavaClient onB = new JavaClient(CLUSTER.node(2), "b")) {
      onB.subscribe("cache-scores", "score");
      PusherEvent replayed = onB.next(5000);
      assertNotNull(replayed, "node 2 replays the last event triggered on node 1");
      assertEquals("{\"home\":1}", replayed.getData());
    }
  }

  @Test
  void terminateConnectionsOnOneNodeClosesTheUsersConnectionsOnEveryNode() throws Exception {
    var signer = new io.vertebra.channels.auth.SocketAuthenticator(new io.vertebra.channels.auth.AppCredentials(
        ClusterTestNodes.APP_ID, ClusterTestNodes.KEY, ClusterTestNodes.SECRET));
    String path = "/app/" + ClusterTestNodes.KEY + "?protocol=7";
    try (RawSocket carolHere = RawSocket.open(CLUSTER.node(1), path);
        RawSocket carolThere = RawSocket.open(CLUSTER.node(2), path);
        RawSocket dave = RawSocket.open(CLUSTER.node(2), path)) {
      carolHere.signIn(signer, "carol");
      carolThere.signIn(signer, "carol");
      dave.signIn(signer, "dave");
      json(CLUSTER.node(1).rest().post("/users/carol/terminate_connections", "{}"));
      assertEquals(ErrorCode.UNAUTHORIZED, carolHere.awaitClose(5000));
      assertEquals(ErrorCode.UNAUTHORIZED, carolThere.awaitClose(5000), "closed on the other node too");
      dave.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      assertNotNull(dave.next("pusher:pong", 5000), "other users stay connected");
    }
  }
}
