package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.RecordingPresenceListener;
import io.vertebra.testing.LogCapture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node that leaves the cluster, cleanly or by crashing, takes its presence members with it: the survivors
 * announce member_removed and stop listing them, within a bounded time (at once when stopped, within the node
 * liveness TTL plus a heartbeat when killed).
 */
class ClusterNodeFailureIT {

  /** A killed node's members must be gone by then: TTL (5 s) + one heartbeat (1 s) + slack for a busy CI box. */
  private static final long CRASH_BOUND_MILLIS = NodeMaintenance.NODE_TTL_MILLIS
      + NodeMaintenance.HEARTBEAT_MILLIS + 3_000;

  @RegisterExtension
  static final TestCluster CLUSTER = TestCluster.of("survivor");

  /** The cluster's one in-process node: it outlives the nodes each test starts and stops or kills. */
  private static ChannelsTestServer survivor() {
    return CLUSTER.node(1);
  }

  @Test
  void membersOfAKilledNodeAreRemovedWithinTheLivenessBound() throws Exception {
    String room = "presence-crash";
    try (JavaClient alice = new JavaClient(survivor(), "alice");
        NodeProcess doomed = NodeProcess.start(CLUSTER.redis(), "doomed")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());
      JavaClient carol = new JavaClient(doomed.port(), ClusterTestNodes.KEY, doomed.rest(), "carol");
      try {
        RecordingPresenceListener.join(carol, room);
        assertEquals("added:carol", aliceView.next());
        assertEquals(2, userCount(room));

        long killedAt = System.nanoTime();
        String change;
        long tookMillis;
        try (LogCapture log = new LogCapture()) {
          doomed.kill();
          change = aliceView.changes.poll(CRASH_BOUND_MILLIS, TimeUnit.MILLISECONDS);
          tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
          ClusterTestNodes.await("the reaping is logged", 5, () -> log.text().lines()
              .anyMatch(l -> l.contains("doomed") && l.contains("1 presence member")));
        }
        assertEquals("removed:carol", change, "the dead node's member is removed (after " + tookMillis + " ms)");
        assertTrue(tookMillis >= NodeMaintenance.NODE_TTL_MILLIS - 1_500,
            "removed by the liveness TTL, not by a goodbye from the killed node (" + tookMillis + " ms)");
        assertEquals(1, userCount(room), "no ghost member in the API either");
        assertFalse(ClusterTestNodes.registered(CLUSTER.redis(), "doomed"), "the dead node was reaped");
      } finally {
        carol.close();
      }
    }
  }

  @Test
  void membersOfAStoppedNodeAreRemovedAtOnce() throws Exception {
    String room = "presence-stop";
    try (JavaClient alice = new JavaClient(survivor(), "alice")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());
      ChannelsTestServer leaving = ClusterTestNodes.start(CLUSTER.redis(), "leaving");
      JavaClient dave = new JavaClient(leaving, "dave");
      try {
        RecordingPresenceListener.join(dave, room);
        assertEquals("added:dave", aliceView.next());
        leaving.close();
        String change = aliceView.changes.poll(3, TimeUnit.SECONDS);
        assertNotNull(change, "a stopped node announces its members' departure at once");
        assertEquals("removed:dave", change);
        assertEquals(1, userCount(room));
      } finally {
        dave.close();
      }
    }
  }

  private static int userCount(String channel) {
    return TestCluster.channelInfo(survivor(), channel, "user_count").get("user_count").asInt();
  }
}
