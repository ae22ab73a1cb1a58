package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The other nodes' subscription counts as this node knows them: reported, replaced after a resync, forgotten. */
class RemoteSubscriptionsTest {

  private final RemoteSubscriptions remote = new RemoteSubscriptions();

  @Test
  void reportsAddUpAcrossNodesAndNameOnlyTheChannelsThatChanged() {
    assertEquals(Set.of("a", "b"), remote.report("n1", Map.of("a", 2, "b", 1)));
    assertEquals(Set.of("a"), remote.report("n2", Map.of("a", 3)));
    assertEquals(5, remote.subscribers("a"));
    assertEquals(Set.of(), remote.report("n1", Map.of("a", 2)), "no change");
    assertEquals(Set.of("b"), remote.report("n1", Map.of("b", 0)), "emptied");
    assertEquals(0, remote.subscribers("b"));
    assertEquals(Set.of(), remote.report("n1", Map.of("c", 0)), "a channel never held");
  }

  @Test
  void aForgottenNodeNoLongerCounts() {
    remote.report("n1", Map.of("a", 2));
    remote.report("n2", Map.of("a", 1));
    assertEquals(Set.of("a"), remote.forget("n1"));
    assertEquals(1, remote.subscribers("a"));
    assertEquals(Set.of("n2"), remote.nodes());
    assertEquals(Set.of(), remote.forget("n1"));
  }

  @Test
  void replacingWithWhatRedisHoldsDropsDeadNodesAndChannelsTheyLeft() {
    remote.report("n1", Map.of("a", 2, "b", 1));
    remote.report("dead", Map.of("c", 4));
    assertEquals(Set.of("b", "c", "d"), remote.replaceAll(Map.of("n1", Map.of("a", 2, "d", 1))));
    assertEquals(0, remote.subscribers("b"));
    assertEquals(0, remote.subscribers("c"));
    assertEquals(1, remote.subscribers("d"));
    assertEquals(Set.of("n1"), remote.nodes());
  }
}
