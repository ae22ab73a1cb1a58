package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Jetty may complete a connection's closing handshake, or fail a broken one, inside a send to it and report the
 * close to the endpoint before the send returns. A send made under a channel's lock (here the subscription count
 * of a channel, sent while the count's decision holds the channel's entry) must not have the closed connection
 * leave that channel from within: ClusterSubscriptionCountIT once lost a subscriber's departure that way
 * ("Recursive update" from the map, the departure dropped, the channel's count left one too high).
 */
class InlineCloseTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ChannelsApp app = ChannelsApp.create(new AppCredentials("1", "key", "secret"), Limits.from(Map.of("CHANNELS_SUBSCRIPTION_COUNT", "true")),
      ChannelListener.NONE, Clock.systemUTC(), scheduler);
  private final MessageHandler handler = new MessageHandler(app);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aConnectionClosedInsideASendLeavesItsChannelsOnceTheSendIsDone() throws Exception {
    Session ann = open();
    ann.subscribe("counted");
    Session bob = open();
    ann.closeInsideNextSend(); // the count of 2 that bob's arrival sends her

    bob.subscribe("counted");

    scheduler.submit(() -> { }).get(5, TimeUnit.SECONDS); // the departure, left after the send
    assertEquals(1, app.channels().find("counted").subscriptionCount(), "only bob is left");
    assertEquals(1, app.connections().size());
    assertTrue(bob.texts.get(bob.texts.size() - 1).contains("\\\"subscription_count\\\":1"),
        "bob hears that ann left: " + bob.texts);
  }

  private Session open() {
    Session session = new Session(new PusherEndpoint(app, handler, null, "127.0.0.1"));
    session.endpoint.onOpen(session, Callback.NOOP);
    return session;
  }

  /** Jetty's side of one connection: records what is sent, and can close inside a send as Jetty may. */
  private final class Session extends CoreSession.Empty {
    final PusherEndpoint endpoint;
    final List<String> texts = new CopyOnWriteArrayList<>();
    private boolean closeInsideNextSend;

    Session(PusherEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    void closeInsideNextSend() {
      closeInsideNextSend = true;
    }

    @Override
    public void sendFrame(OutgoingEntry entry) {
      texts.add(StandardCharsets.UTF_8.decode(entry.getFrame().getPayload().slice()).toString());
      if (closeInsideNextSend) {
        closeInsideNextSend = false;
        endpoint.onClosed(new CloseStatus(1000, "bye"), Callback.NOOP);
      }
      entry.getCallback().succeeded();
    }

    void subscribe(String channel) {
      String subscribe = "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}";
      endpoint.onFrame(new Frame(OpCode.TEXT).setPayload(ByteBuffer.wrap(subscribe.getBytes(StandardCharsets.UTF_8))),
          Callback.NOOP);
    }
  }
}
