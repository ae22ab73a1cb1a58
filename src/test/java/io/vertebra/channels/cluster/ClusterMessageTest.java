package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.protocol.Frames;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMessageTest {

  private static ClusterMessage roundTrip(ClusterMessage message) {
    return ClusterMessage.decode(message.encode());
  }

  @Test
  void anEventTravelsWithAllItsChannelsTheDataVerbatimAndTheExcludedSocket() {
    ClusterMessage sent = ClusterMessage.event("n1", List.of("a", "b"), "post:change", "{\"id\":1,\"t\":\"ü\\\"\"}",
        "12.34");
    assertEquals(sent, roundTrip(sent));
  }

  @Test
  void subscriptionCountsTravelByChannelAndMalformedOnesAreRefused() {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    counts.put("a", 3);
    counts.put("b", 0);
    ClusterMessage sent = ClusterMessage.subscriptions("n1", counts);
    assertEquals(counts, roundTrip(sent).counts());
    assertThrows(IllegalArgumentException.class, () -> ClusterMessage.decode(
        "{\"type\":\"subscriptions\",\"node\":\"n\",\"channels\":[\"a\",\"b\"],\"data\":\"1\"}"));
    assertThrows(IllegalArgumentException.class, () -> ClusterMessage.decode(
        "{\"type\":\"subscriptions\",\"node\":\"n\",\"channels\":[\"a\"],\"data\":\"-1\"}"));
  }

  @Test
  void anEventWithoutExclusionOmitsTheField() {
    ClusterMessage sent = ClusterMessage.event("n1", List.of("a"), "e", "d", null);
    assertTrue(!sent.encode().contains("except"), sent.encode());
    assertNull(roundTrip(sent).exceptSocketId());
  }

  @Test
  void clientEventsPresenceChangesTerminationsAndResyncsRoundTrip() {
    var info = Frames.JSON.createObjectNode().put("name", "Ann");
    for (ClusterMessage sent : List.of(
        ClusterMessage.clientEvent("n2", "private-x", "{\"event\":\"client-a\"}", "1.2"),
        ClusterMessage.memberAdded("n2", "presence-x", "ann", info),
        ClusterMessage.memberAdded("n2", "presence-x", "bob", null),
        ClusterMessage.memberRemoved("n2", "presence-x", "ann"),
        ClusterMessage.terminate("n2", "ann"),
        ClusterMessage.resync("n2#a1b2c3", List.of("news", "presence-x")),
        ClusterMessage.resync("n2#a1b2c3", List.of()))) {
      assertEquals(sent, roundTrip(sent), sent.type().toString());
    }
  }

  @Test
  void malformedMessagesAreRejectedWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> ClusterMessage.decode("not json"));
    assertThrows(IllegalArgumentException.class, () -> ClusterMessage.decode("[1]"));
    assertThrows(IllegalArgumentException.class, () -> ClusterMessage.decode("{\"type\":\"event\"}"));
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> ClusterMessage.decode("{\"type\":\"mystery\",\"node\":\"n\"}"));
    assertTrue(unknown.getMessage().contains("mystery"));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterMessage.decode("{\"type\":\"event\",\"node\":\"n\",\"channels\":[],\"event\":\"e\",\"data\":\"d\"}"));
    assertThrows(IllegalArgumentException.class,
        () -> ClusterMessage.decode("{\"type\":\"member_added\",\"node\":\"n\",\"channels\":[\"presence-x\"]}"));
  }
}
