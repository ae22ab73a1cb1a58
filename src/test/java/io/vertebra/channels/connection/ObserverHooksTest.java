package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertebra.channels.ChannelsObserver;
import io.vertebra.channels.RecordingObserver;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection side reports subscriptions, client events, errors and closes to the installed observer. */
class ObserverHooksTest {

  private final TestApp t = new TestApp(Limits.defaults(), ChannelListener.NONE);
  private final RecordingObserver observer = new RecordingObserver();

  ObserverHooksTest() {
    t.app.observer().install(observer);
  }

  @Test
  void subscriptionsAndUnsubscriptionsAreReportedWithPresenceUser() {
    TestApp.Client c = t.connect();
    String id = c.connection.socketId();
    c.subscribe("news");
    c.subscribePresence("presence-room", "u1");
    c.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"news\"}}");
    assertEquals(List.of("subscribed:news:" + id + ":null", "subscribed:presence-room:" + id + ":u1",
        "unsubscribed:news:" + id), observer.calls);
  }

  @Test
  void aCloseLeavesEveryChannelThenReportsTheClose() {
    TestApp.Client c = t.connect();
    String id = c.connection.socketId();
    c.subscribe("news");
    observer.calls.clear();
    c.close();
    assertEquals(List.of("unsubscribed:news:" + id, "closed:" + id), observer.calls);
  }

  @Test
  void aRejectedSubscriptionIsReportedWithItsStatus() {
    TestApp.Client c = t.connect();
    c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"k:bad\"}}");
    assertEquals(List.of("rejected:private-x:" + c.connection.socketId() + ":401"), observer.calls);
  }

  @Test
  void aBadFrameIsReportedAsProtocolError() {
    TestApp.Client c = t.connect();
    c.send("not json");
    assertEquals(List.of("protocol_error:" + c.connection.socketId() + ":null"), observer.calls);
  }

  @Test
  void aRelayedClientEventIsReportedWithItsData() {
    TestApp.Client a = t.connect();
    TestApp.Client b = t.connect();
    a.subscribePrivate("private-chat");
    b.subscribePrivate("private-chat");
    observer.calls.clear();
    a.send("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"on\":true}}");
    assertEquals(List.of("client_event:private-chat:client-typing:{\"on\":true}:" + a.connection.socketId()
        + ":null"), observer.calls);
  }

  @Test
  void onlyOneObserverAtATime() {
    assertThrows(IllegalStateException.class, () -> t.app.observer().install(new RecordingObserver()));
    t.app.observer().install(null);
    assertEquals(ChannelsObserver.NONE, t.app.observer().get());
  }
}
