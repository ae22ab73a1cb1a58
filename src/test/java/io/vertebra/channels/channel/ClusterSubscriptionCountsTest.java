package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subscription counts of a clustered node: the cluster's count (this node's subscribers plus those the others
 * reported), told to this node's subscribers on every change, the webhook only for changes made here (or reaped
 * here), and Pusher's throttling on the cluster's count.
 */
class ClusterSubscriptionCountsTest {

  private final RecordingListener listener = new RecordingListener();
  private final List<Runnable> timers = new ArrayList<>();
  private final Map<String, Integer> elsewhere = new HashMap<>();
  private final SubscriptionCounts counts = new SubscriptionCounts(listener, (millis, task) -> timers.add(task),
      channel -> elsewhere.getOrDefault(channel, 0));
  private final ChannelRegistry registry = new ChannelRegistry(listener, ClusterBus.SINGLE_NODE, counts);

  private static int lastCount(RecordingSubscriber s) {
    return s.lastData("pusher_internal:subscription_count").get("subscription_count").asInt();
  }

  private List<String> webhooks() {
    return listener.calls.stream().filter(c -> c.startsWith("subscription_count:")).toList();
  }

  @Test
  void aLocalChangeCountsTheOtherNodesSubscribersAndSendsTheWebhook() {
    elsewhere.put("news", 2);
    var a = new RecordingSubscriber("1.1");
    registry.subscribe("news", a);
    assertEquals(3, lastCount(a));
    assertEquals(List.of("subscription_count:news:3"), webhooks());
  }

  @Test
  void aChangeElsewhereReachesLocalSubscribersWithoutAWebhook() {
    var a = new RecordingSubscriber("1.1");
    registry.subscribe("news", a);
    elsewhere.put("news", 4);
    counts.changedElsewhere("news", registry, false);
    assertEquals(5, lastCount(a));
    counts.changedElsewhere("empty-here", registry, false);
    assertEquals(List.of("subscription_count:news:1"), webhooks(), "the other node sent its own webhook");
  }

  @Test
  void theReaperOfADeadNodeSendsTheWebhookEvenWithoutLocalSubscribers() {
    counts.changedElsewhere("news", registry, true);
    assertEquals(List.of("subscription_count:news:0"), webhooks());
  }

  @Test
  void aChannelLargeAcrossTheClusterIsThrottledWithTheWebhookOfALocalChangeKept() {
    elsewhere.put("big", SubscriptionCounts.SMALL_CHANNEL);
    var a = new RecordingSubscriber("1.1");
    registry.subscribe("big", a);
    assertEquals(SubscriptionCounts.SMALL_CHANNEL + 1, lastCount(a));
    assertEquals(1, timers.size(), "a window opened: the cluster's count is large");
    elsewhere.put("big", SubscriptionCounts.SMALL_CHANNEL + 5);
    counts.changedElsewhere("big", registry, false);
    registry.subscribe("big", new RecordingSubscriber("1.2"));
    assertEquals(SubscriptionCounts.SMALL_CHANNEL + 1, lastCount(a), "nothing sent inside the window");
    timers.remove(0).run();
    assertEquals(SubscriptionCounts.SMALL_CHANNEL + 7, lastCount(a));
    assertEquals(List.of("subscription_count:big:101", "subscription_count:big:107"), webhooks(),
        "the window's local change is told to the webhook at its end");
  }
}
