package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.limits.AddressQuotas;
import io.vertebra.channels.limits.RateLimiter;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * The WebSocket endpoint of one client, on Jetty's core WebSocket layer. On open it either refuses (pusher:error +
 * close code, as hosted Pusher does for a bad key or protocol version) or registers a {@link Connection} and sends
 * {@code pusher:connection_established}. Jetty delivers one frame at a time and the next only on demand; text
 * messages are put together from their frames here (at most the session's maximum text message size; more closes
 * with 1009, bad UTF-8 with 1007), pings are answered with pongs. Written against the core layer rather than Jetty's annotated-endpoint
 * API, which binds eight method handles per connection and keeps the upgrade request for the connection's life.
 */
public final class PusherEndpoint implements FrameHandler {

  private final ChannelsApp app;
  private final MessageHandler handler;
  private final Rejection rejection;
  // Set on open, cleared once on close or error (which Jetty may report on different threads).
  private final AtomicReference<Connection> connection = new AtomicReference<>();
  // The client address counted against its quotas (the upgrade request's, so a trusted proxy's forwarding counts).
  private final String address;
  private CoreSession session;
  // A text message whose first frames have come and whose last has not; only Jetty's one reading thread touches it.
  private Utf8StringBuilder partial;
  private long partialBytes;

  PusherEndpoint(ChannelsApp app, MessageHandler handler, Rejection rejection, String address) {
    this.app = app;
    this.handler = handler;
    this.rejection = rejection;
    this.address = address;
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    session = coreSession;
    open();
    callback.succeeded();
    session.demand();
  }

  private void open() {
    if (rejection != null) {
      refuse(rejection.code(), rejection.message());
      return;
    }
    if (!app.connections().memory().admits()) {
      refuse(ErrorCode.OVER_CAPACITY, "Over capacity: the server is short of memory; try again shortly");
      return;
    }
    AddressQuotas.Verdict verdict = app.connections().addresses().admit(address, System.nanoTime());
    if (verdict == AddressQuotas.Verdict.TOO_MANY_OPEN) {
      refuse(ErrorCode.OVER_CONNECTION_QUOTA, "Over connection quota for your address ("
          + app.limits().maxConnectionsPerAddress() + " open connections)");
      return;
    }
    if (verdict == AddressQuotas.Verdict.TOO_FAST) {
      refuse(ErrorCode.CONNECTION_RATE_LIMIT, "Too many new connections from your address (at most "
          + app.limits().newConnectionsPerAddressPerSecond() + " a second); retry shortly");
      return;
    }
    Outbound outbound = new Outbound(new JettyFrameSink(session, app.counters()), app.limits().sendQueueFrames(),
        app.limits().sendQueueBytes(), app.scheduler());
    Connection candidate = new Connection(SocketIds.next(), outbound,
        new RateLimiter(app.limits().clientEventsPerSecond(), System::nanoTime), System.nanoTime());
    if (!app.connections().add(candidate)) {
      app.connections().addresses().release(address, System.nanoTime());
      if (app.connections().isClosed()) {
        // A client reconnecting during shutdown backs off instead of looping against a closing server.
        refuse(ErrorCode.OVER_CAPACITY, "Server shutting down; try again shortly");
      } else {
        refuse(ErrorCode.OVER_CONNECTION_QUOTA, "Over connection quota ("
            + app.limits().maxConnections() + " connections)");
      }
      return;
    }
    connection.set(candidate);
    app.counters().connectionOpened();
    candidate.send(Frames.connectionEstablished(candidate.socketId(), app.limits().activityTimeoutSeconds()));
    app.observer().get().connectionOpened(candidate.socketId());
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    switch (frame.getOpCode()) {
      case OpCode.TEXT, OpCode.CONTINUATION -> {
        if (partial == null && frame.getOpCode() == OpCode.CONTINUATION) {
          binary(frame, callback); // the rest of a binary message
          return;
        }
        text(frame, callback);
        return;
      }
      case OpCode.BINARY -> {
        binary(frame, callback);
        return;
      }
      case OpCode.PING -> {
        ByteBuffer payload = frame.hasPayload() ? copy(frame.getPayload()) : null;
        callback.succeeded();
        session.sendFrame(new Frame(OpCode.PONG).setPayload(payload), Callback.NOOP, false);
      }
      case OpCode.PONG -> {
        callback.succeeded();
        Connection c = connection.get();
        if (c != null) {
          c.heard(System.nanoTime());
        }
      }
      default -> callback.succeeded(); // CLOSE: Jetty answers it and then reports onClosed
    }
    session.demand();
  }

  // Text frames: a one-frame message (nearly every Pusher message) is decoded at once, a longer one put together.
  private void text(Frame frame, Callback callback) {
    partialBytes += frame.getPayloadLength();
    if (partialBytes > session.getMaxTextMessageSize()) {
      partial = null;
      callback.failed(new MessageTooLargeException("Text message larger than " + session.getMaxTextMessageSize()
          + " bytes"));
      return;
    }
    if (partial == null) {
      partial = new Utf8StringBuilder(frame.getPayloadLength());
    }
    String message;
    try {
      if (frame.hasPayload()) {
        partial.append(frame.getPayload());
      }
      message = frame.isFin() ? partial.takeCompleteString(() -> new BadPayloadException("Invalid UTF-8")) : null;
    } catch (BadPayloadException e) {
      partial = null;
      callback.failed(e);
      return;
    }
    if (frame.isFin()) {
      partial = null;
      partialBytes = 0;
    }
    callback.succeeded();
    Connection c = connection.get();
    if (message != null && c != null) {
      handler.onText(c, message, System.nanoTime());
    }
    session.demand();
  }

  /**
   * The protocol is JSON text only. A binary message gets a generic {@code pusher:error} (once, on its last frame)
   * and the connection stays usable.
   */
  private void binary(Frame frame, Callback callback) {
    callback.succeeded();
    Connection c = connection.get();
    if (c != null && frame.isFin()) {
      c.heard(System.nanoTime());
      c.send(Frames.error(null, "Binary frames are not supported; send JSON text frames"));
    }
    session.demand();
  }

  private static ByteBuffer copy(ByteBuffer payload) {
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload.slice()).flip();
    return copy;
  }

  @Override
  public void onClosed(CloseStatus status, Callback callback) {
    closed();
    callback.succeeded();
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    closed();
    callback.succeeded();
  }

  private void closed() {
    Connection c = connection.getAndSet(null);
    if (c == null) {
      return;
    }
    if (JettyFrameSink.sending()) {
      // Reported from inside a send, perhaps one made under a channel's lock (a broadcast, a subscription's
      // confirmation or count): leaving the channels then would update that channel again from within its own
      // update. Left after the send instead.
      try {
        app.scheduler().execute(() -> release(c));
        return;
      } catch (RejectedExecutionException stopping) {
        // the server is stopping and its timers are gone: leave now
      }
    }
    release(c);
  }

  private void release(Connection c) {
    // The address's quota first: once the registry no longer counts this connection, the address may open
    // another (AddressQuotasIT waits on the registry's count, and so may any client watching /metrics).
    app.connections().addresses().release(address, System.nanoTime());
    handler.onClose(c);
  }

  private void refuse(int code, String message) {
    app.counters().connectionRejected(code);
    app.observer().get().connectionRefused(code, message);
    session.sendFrame(new Frame(OpCode.TEXT).setPayload(Frames.error(code, message)), Callback.from(
        () -> session.close(code, message, Callback.NOOP),
        failure -> session.close(code, message, Callback.NOOP)), false);
  }
}
