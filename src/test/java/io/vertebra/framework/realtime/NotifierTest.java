package io.vertebra.framework.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Json;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeBackend;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeHub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotifierTest {

  private final InMemoryRealtimeHub hub = new InMemoryRealtimeHub();
  private final InMemoryRealtimeBackend backend = hub.newConnection();
  private final Notifier notifier = new Notifier(backend);

  @Test
  @DisplayName("a channel event is re-triggered under its Pusher name with (data, channelName)")
  void channelEventsBecomeFrameworkEvents() {
    notifier.connect();
    notifier.subscribe("posts");
    EventLog log = EventLog.of(notifier);

    assertEquals(1, hub.publish("posts", "post:create", Map.of("id", 7, "title", "Hello")));

    Object[] args = log.lastArgs("post:create");
    assertEquals(2, args.length);
    assertEquals(Map.of("id", 7.0, "title", "Hello"), args[0], "data arrives as JSON values: numbers are Double");
    assertEquals("posts", args[1]);
  }

  @Test
  @DisplayName("the channel object receives only its own channel's events")
  void channelObjectIsolatesItsEvents() {
    notifier.connect();
    EventLog posts = EventLog.of(notifier.subscribe("posts"));
    EventLog post1 = EventLog.of(notifier.subscribe("post-1"));

    hub.publish("post-1", "post:change", Json.parseObject("{\"id\":1,\"version\":2}"));
    hub.publish("posts", "post:destroy", Map.of("id", 3));

    assertEquals(List.of("post:destroy {id=3.0} posts"), posts.named("post:destroy"));
    assertTrue(posts.named("post:change").isEmpty());
    assertEquals(List.of("post:change {id=1.0, version=2.0} post-1"), post1.named("post:change"));
  }

  @Test
  @DisplayName("channels held before connect() are subscribed once connected and confirmed by pusher:subscription_succeeded")
  void subscribeBeforeConnect() {
    EventLog channel = EventLog.of(notifier.subscribe("posts"));
    assertEquals(0, hub.subscriberCount("posts"));

    notifier.connect();

    assertEquals(1, hub.subscriberCount("posts"));
    assertEquals(List.of("pusher:subscription_succeeded {} posts"), channel.lines());
  }

  @Test
  @DisplayName("connection states become connection:<state> and connection:state_change with (previous, current)")
  void connectionStateEvents() {
    EventLog log = EventLog.of(notifier);

    notifier.connect();
    backend.loseConnection();
    backend.becomeUnavailable();
    backend.restoreConnection();
    notifier.disconnect();
    backend.fail();

    assertEquals(List.of(
        "connection:connecting INITIALIZED CONNECTING", "connection:state_change INITIALIZED CONNECTING",
        "connection:connected CONNECTING CONNECTED", "connection:state_change CONNECTING CONNECTED",
        "connection:connecting CONNECTED CONNECTING", "connection:state_change CONNECTED CONNECTING",
        "connection:unavailable CONNECTING UNAVAILABLE", "connection:state_change CONNECTING UNAVAILABLE",
        "connection:connecting UNAVAILABLE CONNECTING", "connection:state_change UNAVAILABLE CONNECTING",
        "connection:connected CONNECTING CONNECTED", "connection:state_change CONNECTING CONNECTED",
        "connection:disconnected CONNECTED DISCONNECTED", "connection:state_change CONNECTED DISCONNECTED",
        "connection:failed DISCONNECTED FAILED", "connection:state_change DISCONNECTED FAILED"), log.lines());
    assertEquals(ConnectionState.FAILED, notifier.state());
  }

  @Test
  @DisplayName("the socket id exists only while connected and changes with every connection")
  void socketIdFollowsTheConnection() {
    assertNull(notifier.socketId());
    notifier.connect();
    String first = notifier.socketId();
    assertNotNull(first);

    backend.loseConnection();
    assertNull(notifier.socketId());
    backend.restoreConnection();

    assertNotNull(notifier.socketId());
    assertNotEquals(first, notifier.socketId());
  }

  @Test
  @DisplayName("a resubscription after a connection loss triggers realtime:resync per channel; the first subscription does not")
  void resyncAfterReconnect() {
    notifier.connect();
    EventLog channel = EventLog.of(notifier.subscribe("posts"));
    notifier.subscribe("post-1");
    EventLog all = EventLog.of(notifier);
    assertTrue(channel.named(Notifier.RESYNC).isEmpty());

    backend.loseConnection();
    hub.publish("posts", "post:create", Map.of("id", 9));
    backend.restoreConnection();

    assertEquals(List.of("realtime:resync null posts"), channel.named(Notifier.RESYNC));
    assertEquals(List.of("realtime:resync null posts", "realtime:resync null post-1"), all.named(Notifier.RESYNC));
    assertTrue(channel.named("post:create").isEmpty(), "events published while offline are not replayed");
  }

  @Test
  @DisplayName("connect() after disconnect() resubscribes the held channels and asks for a resync")
  void reconnectAfterDisconnect() {
    notifier.connect();
    EventLog channel = EventLog.of(notifier.subscribe("posts"));
    notifier.disconnect();
    assertEquals(0, hub.subscriberCount("posts"));

    notifier.connect();

    assertEquals(1, hub.subscriberCount("posts"));
    assertEquals(1, channel.named(Notifier.RESYNC).size());
  }

  @Test
  @DisplayName("subscribe() holds are counted: the channel goes away with the last unsubscribe()")
  void subscribeHoldsAreCounted() {
    notifier.connect();
    RealtimeChannel first = notifier.subscribe("posts");
    assertSame(first, notifier.subscribe("posts"));

    notifier.unsubscribe("posts");
    assertEquals(1, hub.subscriberCount("posts"));
    assertTrue(first.isSubscribed());

    notifier.unsubscribe("posts");
    assertEquals(0, hub.subscriberCount("posts"));
    assertFalse(notifier.isSubscribed("posts"));
    assertFalse(first.isSubscribed());
    assertEquals(List.of(), notifier.channelNames());
  }

  @Test
  @DisplayName("a channel obtained with channel() is released when its last listener stops listening")
  void listenersHoldTheChannel() {
    notifier.connect();
    Events view = new Events();
    Events other = new Events();
    RealtimeChannel channel = notifier.channel("post-1");
    view.listenTo(channel, "post:change", a -> { });
    other.listenTo(channel, "post:destroy", a -> { });

    view.stopListening();
    assertEquals(1, hub.subscriberCount("post-1"), "still followed by the other listener");

    other.stopListening();
    assertEquals(0, hub.subscriberCount("post-1"));
    assertFalse(notifier.isSubscribed("post-1"));
    assertEquals(0, channel.listenerCount());
    assertEquals(0, other.listeningToCount());
  }

  @Test
  @DisplayName("an explicit subscribe() keeps the channel when its listeners go away")
  void explicitHoldOutlivesListeners() {
    notifier.connect();
    notifier.subscribe("posts");
    Events view = new Events();
    view.listenTo(notifier.channel("posts"), "post:create", a -> { });

    view.stopListening();

    assertEquals(1, hub.subscriberCount("posts"));
  }

  @Test
  @DisplayName("events of a released channel are not delivered any more")
  void releasedChannelIsSilent() {
    notifier.connect();
    notifier.subscribe("posts");
    EventLog log = EventLog.of(notifier);
    notifier.unsubscribe("posts");

    assertEquals(0, hub.publish("posts", "post:create", Map.of("id", 1)));
    assertTrue(log.named("post:create").isEmpty());
  }

  @Test
  @DisplayName("client events reach the other subscribers, never the sender, with the attested sender on presence")
  void clientEventsGoToOthers() {
    Notifier alice = new Notifier(hub.newConnection().presenceUser("a", Map.of("name", "Alice"))).connect();
    Notifier bob = new Notifier(hub.newConnection().presenceUser("b", Map.of("name", "Bob"))).connect();
    EventLog aliceLog = EventLog.of(alice.subscribe("presence-post-1"));
    EventLog bobLog = EventLog.of(bob.subscribe("presence-post-1"));

    assertTrue(alice.triggerClientEvent("presence-post-1", "client-editing", Map.of("userId", "b")));

    // The third argument is the sender the service attests ("a"), whatever the data claims.
    assertEquals(List.of("client-editing {userId=b} presence-post-1 a"), bobLog.named("client-editing"));
    assertTrue(aliceLog.named("client-editing").isEmpty());
  }

  @Test
  @DisplayName("client events on private channels carry no attested sender: (data, channelName) only")
  void privateClientEventsHaveNoSender() {
    Notifier alice = new Notifier(hub.newConnection()).connect();
    Notifier bob = new Notifier(hub.newConnection()).connect();
    alice.subscribe("private-doc");
    EventLog bobLog = EventLog.of(bob.subscribe("private-doc"));

    assertTrue(alice.triggerClientEvent("private-doc", "client-x", Map.of("userId", "b")));

    assertEquals(List.of("client-x {userId=b} private-doc"), bobLog.named("client-x"));
  }

  @Test
  @DisplayName("client events are refused with a clear error for bad names, public channels and unknown channels")
  void clientEventValidation() {
    notifier.connect();
    notifier.subscribe("private-x");
    notifier.subscribe("posts");

    assertThrows(IllegalArgumentException.class, () -> notifier.triggerClientEvent("private-x", "editing", null));
    assertThrows(IllegalArgumentException.class, () -> notifier.triggerClientEvent("posts", "client-a", null));
    assertThrows(IllegalStateException.class, () -> notifier.triggerClientEvent("private-y", "client-a", null));

    notifier.disconnect();
    assertFalse(notifier.triggerClientEvent("private-x", "client-a", null), "not sent while disconnected");
  }

  @Test
  @DisplayName("a refused subscription is reported as pusher:subscription_error on the channel")
  void subscriptionError() {
    hub.deny("private-secret");
    notifier.connect();
    EventLog log = EventLog.of(notifier);
    notifier.subscribe("private-secret");

    Object[] args = log.lastArgs("pusher:subscription_error");
    assertEquals(403.0, ((Map<?, ?>) args[0]).get("status"));
    assertEquals("private-secret", args[1]);
    assertEquals(0, hub.subscriberCount("private-secret"));
  }

  @Test
  @DisplayName("signin() reports pusher:signin_success (no channel) with the user data, or pusher:error without a user")
  void signin() {
    notifier.connect();
    EventLog log = EventLog.of(notifier);

    notifier.signin();
    assertEquals(4009.0, ((Map<?, ?>) log.lastArgs("pusher:error")[0]).get("code"));

    backend.signInAs("alice");
    notifier.signin();
    Object[] args = log.lastArgs("pusher:signin_success");
    assertEquals("{\"id\":\"alice\"}", ((Map<?, ?>) args[0]).get("user_data"));
    assertNull(args[1]);
  }

  @Test
  @DisplayName("an invalid channel name is rejected before reaching the backend")
  void invalidChannelName() {
    assertThrows(IllegalArgumentException.class, () -> notifier.subscribe("has space"));
    assertThrows(IllegalArgumentException.class, () -> notifier.channel(""));
    assertThrows(IllegalArgumentException.class, () -> notifier.channel("x".repeat(165)));
    assertThrows(IllegalArgumentException.class, () -> new Notifier(null));
  }
}
