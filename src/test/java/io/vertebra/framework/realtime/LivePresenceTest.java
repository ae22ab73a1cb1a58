package io.vertebra.framework.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeBackend;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeHub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LivePresenceTest {

  private static final String CHANNEL = "presence-post-1";
  private final InMemoryRealtimeHub hub = new InMemoryRealtimeHub();

  private InMemoryRealtimeBackend user(String id, String name) {
    return hub.newConnection().presenceUser(id, Map.of("name", name));
  }

  @Test
  @DisplayName("the collection holds the members (info + id) and follows arrivals and departures")
  void followsMembers() {
    Notifier alice = new Notifier(user("a", "Alice")).connect();
    Collection<Model> viewers = new Collection<>();
    LivePresence.follow(viewers, alice, CHANNEL);
    assertEquals(List.of("Alice"), viewers.pluck("name"));

    InMemoryRealtimeBackend bobConnection = user("b", "Bob");
    Notifier bob = new Notifier(bobConnection).connect();
    bob.subscribe(CHANNEL);
    assertEquals(List.of("Alice", "Bob"), viewers.pluck("name"));
    assertEquals("b", viewers.at(1).getId());

    bobConnection.loseConnection();
    assertEquals(List.of("Alice"), viewers.pluck("name"));
  }

  @Test
  @DisplayName("after a reconnection the member list is replaced by the current one")
  void resetOnResubscription() {
    InMemoryRealtimeBackend aliceConnection = user("a", "Alice");
    Notifier alice = new Notifier(aliceConnection).connect();
    Collection<Model> viewers = new Collection<>();
    LivePresence.follow(viewers, alice, CHANNEL);
    Notifier bob = new Notifier(user("b", "Bob")).connect();
    bob.subscribe(CHANNEL);

    aliceConnection.loseConnection();
    bob.unsubscribe(CHANNEL);
    new Notifier(user("c", "Carol")).connect().subscribe(CHANNEL);
    aliceConnection.restoreConnection();

    assertEquals(List.of("Alice", "Carol"), viewers.pluck("name"), "in the order the hub knows the connections");
  }

  @Test
  @DisplayName("the owner's stopListening() ends it and leaves the channel")
  void ownerReleases() {
    Notifier alice = new Notifier(user("a", "Alice")).connect();
    Collection<Model> viewers = new Collection<>();
    Events view = new Events();
    LivePresence.follow(view, viewers, alice, CHANNEL);

    view.stopListening();

    assertEquals(0, hub.subscriberCount(CHANNEL));
    assertEquals(0, view.listeningToCount());
  }

  @Test
  @DisplayName("only presence channels can be followed for members")
  void presenceOnly() {
    Notifier alice = new Notifier(user("a", "Alice")).connect();
    assertThrows(IllegalArgumentException.class, () -> LivePresence.follow(new Collection<>(), alice, "posts"));
  }
}
