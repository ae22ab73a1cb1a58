package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pusher's subscription counting through the registry, with the throttle window of large channels run by hand. */
class SubscriptionCountsTest {

  private final RecordingListener listener = new RecordingListener();
  private final List<Runnable> timers = new ArrayList<>();
  private final ChannelRegistry registry = new ChannelRegistry(listener, ClusterBus.SINGLE_NODE,
      new SubscriptionCounts(listener, (millis, task) -> {
        assertEquals(SubscriptionCounts.THROTTLE_MILLIS, millis);
        timers.add(task);
      }));

  private static int lastCount(RecordingSubscriber s) {
    return s.lastData("pusher_internal:subscription_count").get("subscription_count").asInt();
  }

  private static long counts(RecordingSubscriber s) {
    return s.events().stream().filter("pusher_internal:subscription_count"::equals).count();
  }

  private List<String> countCalls() {
    return listener.calls.stream().filter(c -> c.startsWith("subscription_count:")).toList();
  }

  private void endWindows() {
    List<Runnable> due = new ArrayList<>(timers);
    timers.clear();
    due.forEach(Runnable::run);
  }

  @Test
  void everySubscriberOfASmallChannelHearsEveryChangeAtOnceAndTheWebhookToo() {
    var a = new RecordingSubscriber("1.1");
    var b = new RecordingSubscriber("1.2");
    registry.subscribe("news", a);
    assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher_internal:subscription_count"),
        a.events(), "the count follows the confirmation");
    assertEquals(1, lastCount(a));
    registry.subscribe("news", b);
    assertEquals(2, lastCount(a));
    assertEquals(2, lastCount(b));
    registry.unsubscribe("news", "1.2");
    assertEquals(1, lastCount(a));
    registry.unsubscribe("news", "1.1");
    assertEquals(List.of("subscription_count:news:1", "subscription_count:news:2", "subscription_count:news:1",
        "subscription_count:news:0"), countCalls());
    assertTrue(timers.isEmpty(), "small channels are never throttled");
  }

  @Test
  void presenceChannelsGetNoCounts() {
    var a = new RecordingSubscriber("1.1");
    registry.subscribePresence("presence-room", a,
        new PresenceMember("alice", Frames.JSON.createObjectNode()), 100);
    assertEquals(List.of("pusher_internal:subscription_succeeded"), a.events());
    assertEquals(List.of(), countCalls());
  }

  @Test
  void countingIsOffByDefault() {
    var plain = new ChannelRegistry(listener);
    var a = new RecordingSubscriber("1.1");
    plain.subscribe("news", a);
    assertEquals(List.of("pusher_internal:subscription_succeeded"), a.events());
    assertEquals(List.of("occupied:news"), listener.calls);
  }

  @Test
  void aChannelAboveOneHundredHearsAtMostOneCountPerWindowAndTheTrueCountWhenItEnds() {
    var first = new RecordingSubscriber("0.0");
    registry.subscribe("stadium", first);
    for (int i = 1; i < SubscriptionCounts.SMALL_CHANNEL; i++) {
      registry.subscribe("stadium", new RecordingSubscriber("0." + i));
    }
    assertEquals(100, counts(first), "up to 100 subscribers: every change");
    assertTrue(timers.isEmpty());

    registry.subscribe("stadium", new RecordingSubscriber("1.0")); // 101: sent, and the window opens
    assertEquals(101, counts(first));
    assertEquals(101, lastCount(first));
    assertEquals(1, timers.size());
    for (int i = 1; i <= 20; i++) {
      registry.subscribe("stadium", new RecordingSubscriber("1." + i));
    }
    registry.unsubscribe("stadium", "1.20");
    assertEquals(101, counts(first), "nothing more during the window");

    endWindows();
    assertEquals(102, counts(first), "the window's end sends the count of that moment");
    assertEquals(120, lastCount(first));
    assertEquals(1, timers.size(), "still large: a new window opened");
    endWindows();
    assertEquals(102, counts(first), "no change in that window: nothing sent");
    assertTrue(timers.isEmpty());

    registry.unsubscribe("stadium", "1.19"); // a change after the window: sent at once, new window
    assertEquals(103, counts(first));
    assertEquals(119, lastCount(first));
    assertEquals("subscription_count:stadium:119", countCalls().get(countCalls().size() - 1));
  }

  @Test
  void aWindowEndingBelowTheThresholdStopsThrottling() {
    var first = new RecordingSubscriber("0.0");
    registry.subscribe("stadium", first);
    for (int i = 1; i <= SubscriptionCounts.SMALL_CHANNEL; i++) {
      registry.subscribe("stadium", new RecordingSubscriber("0." + i));
    }
    assertEquals(1, timers.size());
    for (int i = 1; i <= 10; i++) {
      registry.unsubscribe("stadium", "0." + i);
    }
    endWindows();
    assertEquals(91, lastCount(first));
    assertTrue(timers.isEmpty(), "small again: no new window");
    registry.unsubscribe("stadium", "0.11");
    assertEquals(90, lastCount(first), "changes are sent at once again");
  }
}
