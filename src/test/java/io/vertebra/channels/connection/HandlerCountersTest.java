package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.ChannelsMetrics;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import io.vertebra.kit.ops.Exposition;
import io.vertebra.kit.ops.PrometheusText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the message handlers count, as {@code /metrics} shows it through {@link ChannelsMetrics}. */
class HandlerCountersTest {

  private final TestApp t = new TestApp(Limits.defaults(), ChannelListener.NONE);

  private Exposition metrics() {
    PrometheusText out = new PrometheusText();
    new ChannelsMetrics(t.app).collect(out);
    return Exposition.parse(out.toString());
  }

  @Test
  @DisplayName("occupancy: channels by type, subscriptions and presence members, back to zero when clients leave")
  void occupancy() {
    var a = t.connect();
    var b = t.connect();
    a.subscribe("news");
    b.subscribe("news");
    a.subscribePrivate("private-chat");
    a.subscribePresence("presence-room", "ann");
    b.subscribePresence("presence-room", "bob");
    Exposition m = metrics();
    assertEquals(2, m.value("vertebra_channels_connections"));
    assertEquals(1, m.value("vertebra_channels_channels", "type", "public"));
    assertEquals(1, m.value("vertebra_channels_channels", "type", "private"));
    assertEquals(1, m.value("vertebra_channels_channels", "type", "presence"));
    assertEquals(0, m.value("vertebra_channels_channels", "type", "encrypted"));
    assertEquals(5, m.value("vertebra_channels_subscriptions"));
    assertEquals(2, m.value("vertebra_channels_presence_members"));
    assertEquals(5, m.value("vertebra_channels_frames_received_total"));

    a.close();
    b.close();
    m = metrics();
    assertEquals(0, m.value("vertebra_channels_subscriptions"));
    assertEquals(0, m.value("vertebra_channels_channels", "type", "public"));
  }

  @Test
  @DisplayName("client events relayed are counted; refused ones count as protocol errors by code")
  void clientEventsAndErrorsByCode() {
    var a = t.connect();
    var b = t.connect();
    a.subscribePrivate("private-chat");
    b.subscribePrivate("private-chat");
    a.send("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{}}");
    a.send("{\"event\":\"client-typing\",\"channel\":\"private-elsewhere\",\"data\":{}}"); // not subscribed: 4009
    a.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"1:bad\"}}"); // 4009
    a.send("not json"); // no code
    for (int i = 0; i < Limits.defaults().clientEventsPerSecond() + 1; i++) {
      a.send("{\"event\":\"client-burst\",\"channel\":\"private-chat\",\"data\":{}}");
    }
    Exposition m = metrics();
    // The limiter refills with real time, so how the burst splits can vary; every event is counted one way.
    double relayed = m.value("vertebra_channels_client_events_total");
    double limited = m.value("vertebra_channels_protocol_errors_total", "code", "4301");
    assertEquals(1 + Limits.defaults().clientEventsPerSecond() + 1, relayed + limited);
    assertTrue(limited >= 1, "the burst went over the limit");
    assertEquals(2, m.value("vertebra_channels_protocol_errors_total", "code", "4009"));
    assertEquals(1, m.value("vertebra_channels_protocol_errors_total", "code", "none"));
  }
}
