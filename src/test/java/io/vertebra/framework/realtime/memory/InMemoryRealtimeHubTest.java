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
