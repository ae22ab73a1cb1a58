package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.protocol.IncomingFrame;
import io.vertebra.channels.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Dispatches what a client sends. Anything wrong becomes a {@code pusher:error} to that client alone; the
 * connection stays open and nobody else is affected.
 */
public final class MessageHandler {

  private final ChannelsApp app;
  private final SubscriptionHandler subscriptions;
  private final ClientEventHandler clientEvents;
  private final SigninHandler signin;

  /** A handler for the app's connections. */
  public MessageHandler(ChannelsApp app) {
    this.app = app;
    this.subscriptions = new SubscriptionHandler(app);
    this.clientEvents = new ClientEventHandler(app);
    this.signin = new SigninHandler(app);
  }

  /** Handles one text frame from {@code connection}. */
  public void onText(Connection connection, String text, long nowNanos) {
    connection.heard(nowNanos);
    app.counters().clientMessage();
    try {
      if (text.getBytes(StandardCharsets.UTF_8).length > app.limits().maxMessageBytes()) {
        throw new ProtocolException(null, "Message is larger than " + app.limits().maxMessageBytes() + " bytes");
      }
      dispatch(connection, IncomingFrame.parse(text));
    } catch (ProtocolException e) {
      app.counters().clientError(e.code());
      connection.send(Frames.error(e.code(), e.getMessage()));
      app.observer().get().protocolError(connection.socketId(), e.code(), e.getMessage());
    }
  }

  /** Releases everything the connection held (it closed). */
  public void onClose(Connection connection) {
    subscriptions.unsubscribeAll(connection);
    app.watchlists().closed(connection.socketId());
    app.connections().remove(connection);
    app.observer().get().connectionClosed(connection.socketId());
  }

  private void dispatch(Connection connection, IncomingFrame frame) throws ProtocolException {
    String event = frame.event();
    switch (event) {
      case "pusher:ping" -> connection.send(Frames.pong());
      case "pusher:pong" -> { } // activity already noted
      case "pusher:subscribe" -> subscriptions.subscribe(connection, frame);
      case "pusher:unsubscribe" -> subscriptions.unsubscribe(connection, frame);
      case "pusher:signin" -> signin.signIn(connection, frame);
      default -> {
        if (event.startsWith("client-")) {
          clientEvents.relay(connection, frame);
          app.counters().clientEvent();
        } else {
          throw new ProtocolException(null, "Unsupported event '" + event + "'");
        }
      }
    }
  }
}
