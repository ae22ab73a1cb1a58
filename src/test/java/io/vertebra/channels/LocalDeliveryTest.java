package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.RecordingSubscriber;
import io.vertebra.channels.limits.Limits;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The one path to this node's clients that the HTTP API, client events and other nodes' messages share. */
class LocalDeliveryTest {

  private final ChannelsApp app = ChannelsApp.create(new AppCredentials("1", "k", "s"), Limits.defaults(),
      ChannelListener.NONE, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor());
  private final LocalDelivery local = new LocalDelivery(app);

  @Test
  void anEventReachesEverySubscriberButTheExcludedOneAndIsCounted() {
    var a = new RecordingSubscriber("1.1");
    var b = new RecordingSubscriber("1.2");
    app.channels().subscribe("news", a);
    app.channels().subscribe("news", b);
    assertEquals(1, local.event("news", "headline", "{\"t\":1}", "1.2"));
    assertEquals(List.of("pusher_internal:subscription_succeeded", "headline"), a.events());
    assertEquals("news", a.frames().get(1).get("channel").asText());
    assertEquals("{\"t\":1}", a.frames().get(1).get("data").asText());
    assertEquals(List.of("pusher_internal:subscription_succeeded"), b.events());
    assertEquals(1, app.counters().deliveries.sum());
  }

  @Test
  void anEventOnAnEmptyCacheChannelIsStillKeptForLaterSubscribers() {
    assertEquals(0, local.event("cache-score", "goal", "1", null));
    assertNotNull(app.cache().get("cache-score", app.clock().millis()));
    local.event("news", "headline", "1", null);
    assertNull(app.cache().get("news", app.clock().millis()), "only cache channels keep their last event");
  }

  @Test
  void aRelayedClientEventGoesOutAsItIsAndIsNotCountedAsADelivery() {
    var a = new RecordingSubscriber("1.1");
    var sender = new RecordingSubscriber("1.2");
    app.channels().subscribe("private-room", a);
    app.channels().subscribe("private-room", sender);
    String frame = "{\"event\":\"client-typing\",\"channel\":\"private-room\",\"data\":{}}";
    assertEquals(1, local.relay("private-room", frame, "1.2"));
    assertEquals(List.of("pusher_internal:subscription_succeeded", "client-typing"), a.events());
    assertEquals(List.of("pusher_internal:subscription_succeeded"), sender.events());
    assertEquals(0, app.counters().deliveries.sum());
    assertEquals(0, local.relay("private-nobody", frame, null));
  }
}
