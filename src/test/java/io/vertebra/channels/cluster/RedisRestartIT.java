package io.vertebra.channels.cluster;

import static io.vertebra.channels.cluster.ClusterTestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.client.channel.User;
import com.pusher.rest.data.PresenceUser;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.RecordingPresenceListener;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Redis is stopped and started again empty (a restart without persistence) under two nodes with real
 * pusher-java-client clients: what the clients of each node end up knowing. Nothing may be silently wrong
 * afterwards: no member who left is still listed, no member who stayed is announced as joining again, and every
 * event a client did not receive is covered by a reconnection (after which a Pusher client re-fetches).
 */
class RedisRestartIT {

  /** How long Redis stays down in the event test: long enough for a doubling back-off to reach seconds. */
  private static final long LONG_OUTAGE_MILLIS = 6_500;

  @Test
  void aMemberWhoLeftDuringAnOutageIsRemovedForClientsThatStayedOnTheOtherNode() throws Exception {
    String room = "presence-ghost";
    try (TestCluster cluster = TestCluster.start("ghost-1", "ghost-2");
        JavaClient alice = new JavaClient(cluster.node(1), "alice");
        RawSocket dave = RawSocket.open(cluster.node(2), "/app/" + ClusterTestNodes.KEY + "?protocol=7")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());
      JavaClient bob = new JavaClient(cluster.node(2), "bob");
      RecordingPresenceListener.join(bob, room);
      assertEquals("added:bob", aliceView.next());
      joinPresence(dave, cluster.node(2), room, "dave"); // a client that will not come back once closed
      assertEquals("added:dave", aliceView.next());

      stopRedis(cluster);
      bob.close();
      await("node 2 saw bob leave", 10, () -> !cluster.node(2).app().channels().userIds(room).contains("bob"));
      cluster.redis().start();
      long back = System.nanoTime();
      // pusher-java-client keeps its member list across a reconnection: only member_removed takes bob out.
      await("alice's client no longer lists bob", 20, () -> !users(alice, room).contains("bob"));
      System.out.printf("ghost member removed for the other node's client %d ms after Redis answered%n",
          millisSince(back));
      assertTrue(aliceView.changes.contains("removed:bob"), "announced as a departure: " + aliceView.changes);
      assertEquals(ErrorCode.RECONNECT, dave.awaitClose(10_000), "dave's client was asked to re-fetch too");
      assertTrue(users(alice, room).contains("dave"), "a client asked to reconnect is given time to come back");
      await("dave, who never came back, is removed after the grace", 20,
          () -> !users(alice, room).contains("dave"));
      System.out.printf("a member whose client did not reconnect was removed %d ms after Redis answered%n",
          millisSince(back));
      assertEquals(Set.of("alice"), users(alice, room));
    }
  }

  @Test
  void aRedisRestartAnnouncesNoPhantomJoins() throws Exception {
    String room = "presence-phantom";
    try (TestCluster cluster = TestCluster.start("phantom-1", "phantom-2");
        JavaClient alice = new JavaClient(cluster.node(1), "alice");
        JavaClient bob = new JavaClient(cluster.node(2), "bob")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, room);
      assertEquals("users:1", aliceView.next());
      RecordingPresenceListener bobView = RecordingPresenceListener.join(bob, room);
      assertEquals("users:2", bobView.next());
      assertEquals("added:bob", aliceView.next());

      stopRedis(cluster);
      cluster.redis().start();
      await("both nodes registered their members again", 20,
          () -> TestCluster.users(cluster.node(1), room).equals(Set.of("alice", "bob")));
      // Re-registering announces a member to the cluster when Redis had lost it: give that time to arrive.
      List<String> aliceSaw = drain(aliceView, 2_000);
      List<String> bobSaw = drain(bobView, 500);
      assertFalse(aliceSaw.contains("added:bob"), "bob never left, yet alice was told he joined: " + aliceSaw);
      assertFalse(bobSaw.contains("added:alice"), "alice never left, yet bob was told she joined: " + bobSaw);
      assertFalse(aliceSaw.contains("removed:bob") || bobSaw.contains("removed:alice"),
          "nobody left either: " + aliceSaw + " " + bobSaw);
      assertEquals(Set.of("alice", "bob"), users(alice, room));
      assertEquals(Set.of("alice", "bob"), users(bob, room));
    }
  }

  @Test
  void eventsLostAroundAnOutageMakeTheOtherNodesClientsReconnectAndNodesRejoinAtOnce() throws Exception {
    try (TestCluster cluster = TestCluster.start("events-1", "events-2");
        JavaClient onA = new JavaClient(cluster.node(1), "a");
        RawSocket raw = RawSocket.open(cluster.node(1), "/app/" + ClusterTestNodes.KEY + "?protocol=7")) {
      Ticker ticker = Ticker.subscribe(onA);
      ConnectionLog connection = ConnectionLog.of(onA);
      raw.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"ticker\"}}");
      raw.next("pusher_internal:subscription_succeeded", 5000);
      Map<String, Long> triggered = new LinkedHashMap<>();
      trigger(cluster.node(2), "before", triggered);
      await("the event before the outage", 5, () -> ticker.received.contains("before"));

      long down = System.nanoTime();
      stopRedis(cluster);
      for (int i = 0; millisSince(down) < LONG_OUTAGE_MILLIS; i++) {
        trigger(cluster.node(2), "during-" + i, triggered);
        Thread.sleep(250);
      }
      cluster.redis().start(); // returns once Redis answers
      long back = System.nanoTime();
      long[] rejoined = new long[3];
      for (int i = 0; ticker.resubscribedAfter(back) < 0 || millisSince(ticker.resubscribedAfter(back)) < 1_000;
          i++) {
        assertTrue(millisSince(back) < 20_000, "the client on node 1 was never made to resubscribe");
        trigger(cluster.node(2), "after-" + i, triggered);
        for (int n = 1; n <= 2; n++) {
          if (rejoined[n] == 0 && cluster.node(n).app().cluster().connected()) { // within this loop's 100 ms
            rejoined[n] = System.nanoTime();
          }
        }
        Thread.sleep(100);
      }
      long resubscribed = ticker.resubscribedAfter(back);
      long rejoin1 = TimeUnit.NANOSECONDS.toMillis(rejoined[1] - back);
      long rejoin2 = TimeUnit.NANOSECONDS.toMillis(rejoined[2] - back);
      System.out.printf("after a %d ms outage, counted from Redis answering: nodes reconnected within %d / %d ms; "
          + "node 1's client was closed after %d ms, connected again after %d ms, resubscribed after %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(back - down), rejoin1, rejoin2,
          TimeUnit.NANOSECONDS.toMillis(connection.droppedAfter(back) - back),
          TimeUnit.NANOSECONDS.toMillis(connection.reconnectedAfter(back) - back),
          TimeUnit.NANOSECONDS.toMillis(resubscribed - back));
      assertEquals(ErrorCode.RECONNECT, raw.awaitClose(5000), "every Pusher client understands 4200: reconnect");
      assertTrue(rejoin1 < 2_000 && rejoin2 < 2_000, "nodes reconnect as soon as Redis answers, not after a "
          + "back-off of seconds: " + rejoin1 + " / " + rejoin2 + " ms");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // the last ones may still be on their way
      while (!missedSince(resubscribed, triggered, ticker).isEmpty() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertEquals(List.of(), missedSince(resubscribed, triggered, ticker),
          "events missed although the client had no reason to re-fetch");
      assertTrue(triggered.keySet().stream().anyMatch(n -> n.startsWith("after-") && ticker.received.contains(n)),
          "fan-out resumed");
    }
  }

  /** The events triggered from {@code nanos} on that the ticker did not receive. */
  private static List<String> missedSince(long nanos, Map<String, Long> triggered, Ticker ticker) {
    List<String> missed = new ArrayList<>();
    triggered.forEach((name, at) -> {
      if (at >= nanos && !ticker.received.contains(name)) {
        missed.add(name);
      }
    });
    return missed;
  }

  /** A pusher-java-client subscription to {@code ticker} recording the events and each (re)subscription. */
  private static final class Ticker implements ChannelEventListener {
    final Set<String> received = ConcurrentHashMap.newKeySet();
    final List<Long> subscriptions = new CopyOnWriteArrayList<>();

    static Ticker subscribe(JavaClient client) throws InterruptedException {
      Ticker ticker = new Ticker();
      client.pusher.subscribe("ticker", ticker, "tick");
      await("subscribed to ticker", 10, () -> !ticker.subscriptions.isEmpty());
      return ticker;
    }

    long resubscribedAfter(long nanos) {
      return subscriptions.stream().filter(t -> t >= nanos).findFirst().orElse(-1L);
    }

    @Override
    public void onSubscriptionSucceeded(String channel) {
      subscriptions.add(System.nanoTime());
    }

    @Override
    public void onEvent(PusherEvent event) {
      received.add(event.getData().replaceAll(".*\"n\":\"([^\"]*)\".*", "$1"));
    }
  }

  /** Subscribes a bare socket to presence {@code room} as {@code userId}, signed as an app's auth endpoint would. */
  private static void joinPresence(RawSocket socket, ChannelsTestServer node, String room, String userId)
      throws Exception {
    String auth = node.rest().authenticate(socket.socketId(), room, new PresenceUser(userId, Map.of()));
    ObjectNode data = (ObjectNode) Frames.JSON.readTree(auth);
    data.put("channel", room);
    socket.send(Frames.stringify(Frames.JSON.createObjectNode().put("event", "pusher:subscribe").set("data", data)));
    assertTrue(socket.next("pusher_internal:subscription_succeeded", 5000) != null, userId + " joined " + room);
  }

  private static void trigger(ChannelsTestServer node, String n, Map<String, Long> triggered) {
    triggered.put(n, System.nanoTime());
    TestCluster.json(node.rest().trigger("ticker", "tick", Map.of("n", n)));
  }

  /** Stops Redis and waits until both nodes have noticed. */
  private static void stopRedis(TestCluster cluster) throws InterruptedException {
    cluster.redis().stop();
    await("both nodes notice the outage", 10,
        () -> !cluster.node(1).app().cluster().connected() && !cluster.node(2).app().cluster().connected());
  }

  private static Set<String> users(JavaClient client, String room) {
    return client.pusher.getPresenceChannel(room).getUsers().stream().map(User::getId).collect(Collectors.toSet());
  }


  private static List<String> drain(RecordingPresenceListener view, long millis) throws InterruptedException {
    List<String> changes = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left; (left = end - System.nanoTime()) > 0; ) {
      String change = view.changes.poll(left, TimeUnit.NANOSECONDS);
      if (change != null) {
        changes.add(change);
      }
    }
    return changes;
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
