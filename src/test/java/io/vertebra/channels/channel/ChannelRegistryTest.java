package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.protocol.Frames;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRegistryTest {

  private final RecordingListener listener = new RecordingListener();
  private final ChannelRegistry registry = new ChannelRegistry(listener);

  private static PresenceMember user(String id) {
    return new PresenceMember(id, Frames.JSON.createObjectNode().put("name", "User " + id));
  }

  @Test
  void channelExistsFromFirstSubscriptionToLastUnsubscription() {
    var a = new RecordingSubscriber("1.1");
    var b = new RecordingSubscriber("1.2");
    registry.subscribe("news", a);
    registry.subscribe("news", b);
    assertEquals(2, registry.find("news").subscriptionCount());
    assertEquals(List.of("pusher_internal:subscription_succeeded"), a.events());
    registry.unsubscribe("news", "1.1");
    assertNotNull(registry.find("news"));
    registry.unsubscribe("news", "1.2");
    assertNull(registry.find("news"));
    assertEquals(List.of("occupied:news", "vacated:news"), listener.calls);
  }

  @Test
  void broadcastSkipsTheExcludedSocket() {
    var a = new RecordingSubscriber("1.1");
    var b = new RecordingSubscriber("1.2");
    registry.subscribe("news", a);
    registry.subscribe("news", b);
    registry.find("news").broadcast(Frames.event("news", "headline", "{\"x\":1}"), "1.1");
    assertEquals(List.of("pusher_internal:subscription_succeeded"), a.events());
    assertEquals("headline", b.events().get(1));
  }

  @Test
  void presenceAnnouncesAUserOnceAcrossConnectionsAndRemovesOnLastLeave() {
    var watcher = new RecordingSubscriber("9.9");
    var tab1 = new RecordingSubscriber("1.1");
    var tab2 = new RecordingSubscriber("1.2");
    assertNull(registry.subscribePresence("presence-room", watcher, user("w"), 100));
    assertNull(registry.subscribePresence("presence-room", tab1, user("alice"), 100));
    assertNull(registry.subscribePresence("presence-room", tab2, user("alice"), 100));
    assertEquals(1, watcher.events().stream().filter("pusher_internal:member_added"::equals).count(),
        "second connection of the same user is not announced");
    assertEquals("alice", watcher.lastData("pusher_internal:member_added").get("user_id").asText());

    var presence = tab2.lastData("pusher_internal:subscription_succeeded").get("presence");
    assertEquals(2, presence.get("count").asInt());
    assertEquals("User alice", presence.get("hash").get("alice").get("name").asText());

    registry.unsubscribe("presence-room", "1.1");
    assertTrue(watcher.events().stream().noneMatch("pusher_internal:member_removed"::equals),
        "alice still has a connection");
    registry.unsubscribe("presence-room", "1.2");
    assertEquals("alice", watcher.lastData("pusher_internal:member_removed").get("user_id").asText());
    assertEquals(List.of("occupied:presence-room", "member_added:presence-room:w",
        "member_added:presence-room:alice", "member_removed:presence-room:alice"), listener.calls);
  }

  @Test
  void presenceRefusesNewUsersBeyondTheMemberLimitButNotMoreConnectionsOfAMember() {
    assertNull(registry.subscribePresence("presence-small", new RecordingSubscriber("1.1"), user("a"), 2));
    assertNull(registry.subscribePresence("presence-small", new RecordingSubscriber("1.2"), user("b"), 2));
    var third = new RecordingSubscriber("1.3");
    assertNotNull(registry.subscribePresence("presence-small", third, user("c"), 2));
    assertTrue(third.events().isEmpty());
    assertNull(registry.subscribePresence("presence-small", new RecordingSubscriber("1.4"), user("a"), 2));
    assertEquals(3, registry.find("presence-small").subscriptionCount());
  }

  @Test
  void refusedFirstPresenceSubscriberLeavesNoChannelBehind() {
    assertNotNull(registry.subscribePresence("presence-none", new RecordingSubscriber("1.1"), user("a"), 0));
    assertNull(registry.find("presence-none"));
    assertTrue(listener.calls.isEmpty());
  }

  @Test
  void occupiedFiltersByPrefix() {
    registry.subscribe("news", new RecordingSubscriber("1.1"));
    registry.subscribe("private-x", new RecordingSubscriber("1.1"));
    assertEquals(List.of("private-x"), registry.occupiedChannels("private-").stream().map(Channel::name).toList());
    assertEquals(2, registry.occupiedChannels(null).size());
  }
}
