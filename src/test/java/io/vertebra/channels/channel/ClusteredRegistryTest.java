package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry takes presence decisions from its cluster bus and tells it of every subscription change. */
class ClusteredRegistryTest {

  private final RecordingListener listener = new RecordingListener();
  private final ScriptedClusterBus cluster = new ScriptedClusterBus();
  private final ChannelRegistry registry = new ChannelRegistry(listener, cluster);

  private static PresenceMember user(String id) {
    return new PresenceMember(id, null);
  }

  @Test
  void aUserKnownThroughAnotherNodeIsNotAnnouncedAgain() {
    cluster.remoteMembers = Map.of("bob", NullNode.getInstance());
    var here = new RecordingSubscriber("1.1");
    registry.subscribePresence("presence-x", here, user("ann"), 100);
    cluster.admission = ClusterBus.Admission.KNOWN_MEMBER;
    var again = new RecordingSubscriber("1.2");
    registry.subscribePresence("presence-x", again, user("bob"), 100);
    assertEquals(List.of("pusher_internal:subscription_succeeded"), here.events(), "no member_added for bob");
    assertEquals(List.of("occupied:presence-x", "member_added:presence-x:ann"), listener.calls,
        "the member_added webhook fires once, where the user is new to the cluster");
  }

  @Test
  void aMemberAnnouncedAgainByAnotherNodeIsNotAddedTwice() {
    var here = new RecordingSubscriber("1.1");
    registry.subscribePresence("presence-x", here, user("ann"), 100);
    Channel channel = registry.find("presence-x");
    channel.remoteMemberAdded(user("bob"));
    channel.remoteMemberAdded(user("bob")); // e.g. bob's node registering him again after Redis restarted empty
    assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher_internal:member_added"), here.events());
  }

  @Test
  void membersThatCameOrWentUnannouncedAreToldWhenTheClusterIsAskedAgain() {
    cluster.remoteMembers = Map.of("bob", NullNode.getInstance());
    var here = new RecordingSubscriber("1.1");
    registry.subscribePresence("presence-x", here, user("ann"), 100);
    here.clear();
    cluster.remoteMembers = null; // the cluster cannot say (Redis down): nothing changes
    registry.find("presence-x").refreshRemoteMembers(cluster);
    assertEquals(List.of(), here.events());
    cluster.remoteMembers = Map.of("carol", NullNode.getInstance()); // bob left, carol came, both unannounced
    registry.find("presence-x").refreshRemoteMembers(cluster);
    assertEquals(List.of("pusher_internal:member_added", "pusher_internal:member_removed"), here.events());
    assertEquals("carol", here.lastData("pusher_internal:member_added").get("user_id").asText());
    assertEquals("bob", here.lastData("pusher_internal:member_removed").get("user_id").asText());
  }

  @Test
  void theSnapshotForANewSubscriberComesFromTheCluster() {
    cluster.remoteMembers = Map.of("carol", NullNode.getInstance());
    var here = new RecordingSubscriber("1.1");
    registry.subscribePresence("presence-x", here, user("ann"), 100);
    var presence = here.lastData("pusher_internal:subscription_succeeded").get("presence");
    assertEquals(2, presence.get("count").asInt());
    assertEquals("carol", presence.get("ids").get(1).asText());
  }

  @Test
  void aFullClusterRefusesTheSubscription() {
    cluster.admission = ClusterBus.Admission.FULL;
    String refusal = registry.subscribePresence("presence-x", new RecordingSubscriber("1.1"), user("ann"), 100);
    assertNotNull(refusal);
    assertNull(registry.find("presence-x"), "the refused subscriber does not occupy the channel");
    assertEquals(List.of(), listener.calls);
  }

  @Test
  void aUserStillConnectedThroughAnotherNodeIsNotRemoved() {
    var stays = new RecordingSubscriber("1.1");
    registry.subscribePresence("presence-x", stays, user("ann"), 100);
    registry.subscribePresence("presence-x", new RecordingSubscriber("1.2"), user("bob"), 100);
    cluster.leftCluster = false;
    stays.clear();
    registry.unsubscribe("presence-x", "1.2");
    assertEquals(List.of(), stays.events(), "bob is still in the channel on another node");
    assertEquals(List.of("leave:presence-x:bob"), cluster.calls.stream().filter(c -> c.startsWith("leave")).toList());
    registry.find("presence-x").remoteMemberRemoved("bob");
    assertEquals(List.of("pusher_internal:member_removed"), stays.events(), "until he leaves there");
    registry.unsubscribe("presence-x", "1.1");
    assertEquals("leave:presence-x:ann:empty", cluster.calls.get(cluster.calls.size() - 2));
  }

  @Test
  void everySubscriptionChangeIsReportedToTheCluster() {
    registry.subscribe("news", new RecordingSubscriber("1.1"));
    registry.subscribePresence("presence-x", new RecordingSubscriber("1.2"), user("ann"), 100);
    registry.unsubscribe("news", "1.1");
    assertEquals(List.of("changed:news", "join:presence-x:ann", "changed:presence-x", "changed:news"),
        cluster.calls);
  }
}
