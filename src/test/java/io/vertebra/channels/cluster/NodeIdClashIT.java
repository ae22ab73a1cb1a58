package io.vertebra.channels.cluster;

import static io.vertebra.channels.cluster.ClusterTestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.channel.PusherEvent;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.RecordingPresenceListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes configured with the same {@code CHANNELS_NODE_ID} (a copied configuration): the second refuses to start
 * while the first runs; and when they still meet (the second started while Redis was out of its reach, so it could
 * not check), neither removes the other's presence members and events still cross between them.
 */
class NodeIdClashIT {

  @RegisterExtension
  static final TestCluster CLUSTER = TestCluster.of("taken");

  @Test
  void aNodeStartedWithAnIdInUseRefusesToStartWithExitStatus2AndOneClearLine() throws Exception {
    String room = "presence-clash-start";
    try (JavaClient alice = new JavaClient(CLUSTER.node(1), "alice")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());

      NodeProcess.Exit exit = NodeProcess.startRefused(CLUSTER.redis(), "taken");
      List<String> lines = exit.output().stream().filter(l -> l.contains("CHANNELS_NODE_ID")).toList();
      assertEquals(2, exit.status(), String.join("\n", exit.output()));
      assertEquals(1, lines.size(), "one line says why: " + exit.output());
      assertTrue(lines.get(0).contains("'taken'") && lines.get(0).contains("in use"), lines.get(0));
      assertFalse(exit.output().stream().anyMatch(l -> l.startsWith("\tat ")), "no stack trace: " + exit.output());
      assertEquals(Set.of("alice"), TestCluster.users(CLUSTER.node(1), room), "the running node's member stays");
    }
  }

  @Test
  void twinsThatMeetAtRuntimeKeepEachOthersMembersAndEvents() throws Exception {
    String room = "presence-clash-runtime";
    try (TcpRelay relay = TcpRelay.to(CLUSTER.redis(), false);
        ChannelsTestServer twin = new ChannelsTestServer(ClusterTestNodes.env(relay.url(), "taken"));
        JavaClient alice = new JavaClient(CLUSTER.node(1), "alice");
        JavaClient bob = new JavaClient(twin, "bob")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());
      RecordingPresenceListener.join(bob, room); // the twin cannot reach Redis yet: a local decision
      alice.subscribe("ticker", "tick");

      relay.restore(); // now the twin reaches Redis, where a live node already uses its id
      await("the twin joins the cluster", 10, () -> twin.app().cluster().connected());
      await("bob is registered", 10, () -> TestCluster.users(CLUSTER.node(1), room).contains("bob"));
      Thread.sleep(2_000); // a few heartbeats: the clash used to remove the other node's members within one
      assertEquals(Set.of("alice", "bob"), TestCluster.users(CLUSTER.node(1), room));
      assertFalse(aliceView.changes.contains("removed:alice"), aliceView.changes.toString());

      TestCluster.json(twin.rest().trigger("ticker", "tick", Map.of("n", "from-twin")));
      PusherEvent event = alice.next(5000);
      assertNotNull(event, "an event triggered on the twin reaches the other node (neither skips it as its own)");
      assertEquals("{\"n\":\"from-twin\"}", event.getData());
    }
  }

}
