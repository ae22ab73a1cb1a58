package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.ChannelsMetrics;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.PresenceMember;
import io.vertebra.channels.channel.RecordingSubscriber;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.kit.ops.Exposition;
import io.vertebra.kit.ops.PrometheusText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InboundDeliveryTest {

  private final ChannelsApp app = ChannelsApp.create(new AppCredentials("1", "k", "s"), Limits.defaults(),
      ChannelListener.NONE, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor());
  private final List<List<String>> missed = new ArrayList<>();
  private final InboundDelivery inbound = new InboundDelivery("me", app, missed::add);

  @Test
  void anotherNodesEventReachesLocalSubscribersExceptTheExcludedSocket() {
    var a = new RecordingSubscriber("1.1");
    var b = new RecordingSubscriber("1.2");
    app.channels().subscribe("news", a);
    app.channels().subscribe("news", b);
    inbound.deliver(ClusterMessage.event("other", List.of("news", "empty"), "headline", "{\"t\":1}", "1.2")
        .encode());
    assertEquals("{\"t\":1}", a.frames().get(1).get("data").asText());
    assertEquals(1, b.frames().size(), "the excluded socket only has its subscription confirmation");
  }

  @Test
  void deliveriesOfAnotherNodesEventsAreCountedLikeLocalOnes() {
    app.channels().subscribe("news", new RecordingSubscriber("1.1"));
    app.channels().subscribe("news", new RecordingSubscriber("1.2"));
    inbound.deliver(ClusterMessage.event("other", List.of("news", "empty"), "headline", "{}", null).encode());
    PrometheusText metrics = new PrometheusText();
    new ChannelsMetrics(app).collect(metrics);
    assertEquals(2, Exposition.parse(metrics.toString()).value("vertebra_channels_deliveries_total"));
  }

  @Test
  void channelsAnotherNodeCouldNotPublishToAreHandedOn() {
    inbound.deliver(ClusterMessage.resync("other", List.of("news")).encode());
    inbound.deliver(ClusterMessage.resync("me", List.of("mine")).encode());
    assertEquals(List.of(List.of("news")), missed, "another node's report only");
  }

  @Test
  void thisNodesOwnMessagesAreNotDeliveredAgain() {
    var a = new RecordingSubscriber("1.1");
    app.channels().subscribe("news", a);
    inbound.deliver(ClusterMessage.event("me", List.of("news"), "headline", "{}", null).encode());
    assertEquals(List.of("pusher_internal:subscription_succeeded"), a.events());
  }

  @Test
  void anotherNodesEventOnACacheChannelIsCachedForLaterSubscribers() {
    inbound.deliver(ClusterMessage.event("other", List.of("cache-x"), "score", "1", null).encode());
    String cached = app.cache().get("cache-x", app.clock().millis());
    assertNotNull(cached);
    assertTrue(cached.contains("\"score\""), cached);
  }

  @Test
  void remotePresenceChangesAreAnnouncedUnlessTheUserIsAlsoConnectedHere() {
    var here = new RecordingSubscriber("1.1");
    app.channels().subscribePresence("presence-x", here, new PresenceMember("ann", null), 100);
    here.clear();
    inbound.deliver(ClusterMessage.memberAdded("other", "presence-x", "bob", Frames.JSON.createObjectNode()
        .put("name", "Bob")).encode());
    inbound.deliver(ClusterMessage.memberAdded("other", "presence-x", "ann", null).encode());
    inbound.deliver(ClusterMessage.memberRemoved("other", "presence-x", "ann").encode());
    inbound.deliver(ClusterMessage.memberRemoved("other", "presence-x", "bob").encode());
    assertEquals(List.of("pusher_internal:member_added", "pusher_internal:member_removed"), here.events(),
        "ann is connected here, so only bob's arrival and departure are news");
    assertEquals("Bob", here.lastData("pusher_internal:member_added").get("user_info").get("name").asText());
  }

  @Test
  void aClientEventFromAnotherNodeSkipsItsSenderAndMalformedMessagesAreCounted() {
    var a = new RecordingSubscriber("1.1");
    app.channels().subscribe("private-x", a);
    inbound.deliver(ClusterMessage.clientEvent("other", "private-x", "{\"event\":\"client-a\"}", "9.9").encode());
    assertEquals("client-a", a.events().get(1));
    inbound.deliver("garbage");
    assertEquals(1, app.counters().snapshot(0, 0).clusterErrors());
  }
}
