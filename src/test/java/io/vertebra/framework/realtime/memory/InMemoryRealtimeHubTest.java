package io.vertebra.framework.realtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.realtime.ConnectionState;
import io.vertebra.framework.realtime.RealtimeBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryRealtimeHubTest {

  private final InMemoryRealtimeHub hub = new InMemoryRealtimeHub();

  @Test
  @DisplayName("publish skips the excluded socket id, as Pusher's socket_id exclusion does")
  void publishExcludesTheSender() {
    Recorder a = connect("posts");
    Recorder b = connect("posts");

    assertEquals(1, hub.publish("posts", "post:create", Map.of("id", 1), a.backend.socketId()));

    assertTrue(a.events.isEmpty());
    assertEquals(List.of("posts post:create {id=1.0}"), b.events);
  }

  @Test
  @DisplayName("delivered data is a copy: changing what one receiver got does not change what others got")
  void deliveryIsByValue() {
    Recorder a = connect("posts");
    Recorder b = connect("posts");
    Map<String, Object> data = new HashMap<>();
    data.put("title", "one");

    hub.publish("posts", "e", data);
    @SuppressWarnings("unchecked")
    Map<String, Object> received = (Map<String, Object>) a.data.get(0);
    received.put("title", "changed");
    data.put("title", "changed too");

    assertEquals(Map.of("title", "one"), b.data.get(0));
  }

  @Test
  @DisplayName("subscriptions do not survive a lost connection until it is restored")
  void lostConnectionDropsSubscriptions() {
    Recorder a = connect("posts");
    a.backend.loseConnection();
    assertEquals(0, hub.subscriberCount("posts"));
    assertFalse(a.backend.triggerClientEvent("posts", "client-x", null));

    a.backend.restoreConnection();

    assertEquals(1, hub.subscriberCount("posts"));
    assertEquals(ConnectionState.CONNECTED, a.backend.state());
  }

  @Test
  @DisplayName("presence: the subscriber gets the members in pusher-js's shape, the others member_added / member_removed")
  void presence() {
    Recorder alice = new Recorder(hub.newConnection().presenceUser("a", Map.of("name", "Alice")));
    alice.backend.connect();
    alice.backend.subscribe("presence-x");
    Recorder bob = new Recorder(hub.newConnection().presenceUser("b", Map.of("name", "Bob")));
    bob.backend.connect();
    alice.events.clear();

    bob.backend.subscribe("presence-x");
    Recorder bobSecondTab = new Recorder(hub.newConnection().presenceUser("b", Map.of("name", "Bob")));
    bobSecondTab.backend.connect();
    bobSecondTab.backend.subscribe("presence-x");
    bob.backend.unsubscribe("presence-x");
    bobSecondTab.backend.loseConnection();

    assertEquals("presence-x pusher:subscription_succeeded {members={a={name=Alice}, b={name=Bob}}, count=2.0, "
        + "myID=b, me={id=b, info={name=Bob}}}", bob.events.get(bob.events.size() - 1));
    assertEquals(List.of("presence-x pusher:member_added {id=b, info={name=Bob}}",
        "presence-x pusher:member_removed {id=b, info={name=Bob}}"), alice.events,
        "a user with two connections arrives once and leaves with the last one");
  }

  @Test
  @DisplayName("presence: a connection without a presence user is refused")
  void presenceNeedsAUser() {
    Recorder anonymous = new Recorder(hub.newConnection());
    anonymous.backend.connect();
    anonymous.backend.subscribe("presence-x");

    assertTrue(anonymous.events.get(0).startsWith("presence-x pusher:subscription_error"));
    assertEquals(0, hub.subscriberCount("presence-x"));
  }

  private Recorder connect(String channel) {
    Recorder recorder = new Recorder(hub.newConnection());
    recorder.backend.connect();
    recorder.backend.subscribe(channel);
    recorder.events.clear();
    recorder.data.clear();
    return recorder;
  }

  /** Records what a backend reports. */
  private static final class Recorder implements RealtimeBackend.Listener {
    final InMemoryRealtimeBackend backend;
    final List<String> events = new ArrayList<>();
    final List<Object> data = new ArrayList<>();

    Recorder(InMemoryRealtimeBackend backend) {
      this.backend = backend;
      backend.setListener(this);
    }

    @Override
    public void onEvent(String channel, String event, Object value) {
      events.add(channel + " " + event + " " + value);
      data.add(value);
    }

    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
    }
  }
}
