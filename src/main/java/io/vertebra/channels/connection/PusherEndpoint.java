package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.limits.AddressQuotas;
import io.vertebra.channels.limits.RateLimiter;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty WebSocket endpoint of one client. On open it either refuses (pusher:error + close code, as hosted
 * Pusher does for a bad key or protocol version) or registers a {@link Connection} and sends
 * {@code pusher:connection_established}. Jetty delivers one message at a time per endpoint.
 */
public final class PusherEndpoint implements Session.Listener.AutoDemanding {

  private final ChannelsApp app;
  private final MessageHandler handler;
  private final Rejection rejection;
  // Set on open, cleared once on close or error (which Jetty may report on different threads).
  private final AtomicReference<Connection> connection = new AtomicReference<>();
  // The client address counted against its quotas; written before connection is set, read after it is cleared.
  private volatile String address;

  PusherEndpoint(ChannelsApp app, MessageHandler handler, Rejection rejection) {
    this.app = app;
    this.handler = handler;
    this.rejection = rejection;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    if (rejection != null) {
      refuse(session, rejection.code(), rejection.message());
      return;
    }
    if (!app.connections().memory().admits()) {
      refuse(session, ErrorCode.OVER_CAPACITY, "Over capacity: the server is short of memory; try again shortly");
      return;
    }
    String from = remoteAddress(session);
    AddressQuotas.Verdict verdict = app.connections().addresses().admit(from, System.nanoTime());
    if (verdict == AddressQuotas.Verdict.TOO_MANY_OPEN) {
      refuse(session, ErrorCode.OVER_CONNECTION_QUOTA, "Over connection quota for your address ("
          + app.limits().maxConnectionsPerAddress() + " open connections)");
      return;
    }
    if (verdict == AddressQuotas.Verdict.TOO_FAST) {
      refuse(session, ErrorCode.CONNECTION_RATE_LIMIT, "Too many new connections from your address (at most "
          + app.limits().newConnectionsPerAddressPerSecond() + " a second); retry shortly");
      return;
    }
    Outbound outbound = new Outbound(new JettyFrameSink(session, app.counters()), app.limits().sendQueueFrames(),
        app.limits().sendQueueBytes(), app.scheduler());
    Connection candidate = new Connection(SocketIds.next(), outbound,
        new RateLimiter(app.limits().clientEventsPerSecond(), System::nanoTime), System.nanoTime());
    if (!app.connections().add(candidate)) {
      app.connections().addresses().release(from, System.nanoTime());
      if (app.connections().isClosed()) {
        // A client reconnecting during shutdown backs off instead of looping against a closing server.
        refuse(session, ErrorCode.OVER_CAPACITY, "Server shutting down; try again shortly");
      } else {
        refuse(session, ErrorCode.OVER_CONNECTION_QUOTA, "Over connection quota ("
            + app.limits().maxConnections() + " connections)");
      }
      return;
    }
    address = from;
    connection.set(candidate);
    app.counters().connectionOpened();
    candidate.send(Frames.connectionEstablished(candidate.socketId(), app.limits().activityTimeoutSeconds()));
    app.observer().get().connectionOpened(candidate.socketId());
  }

  @Override
  public void onWebSocketText(String message) {
    Connection c = connection.get();
    if (c != null) {
      handler.onText(c, message, System.nanoTime());
    }
  }

  /**
   * The protocol is JSON text only. A binary frame gets a generic {@code pusher:error} and the connection stays
   * usable; the callback is completed so Jetty goes on reading (left pending, it would stall the connection).
   */
  @Override
  public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
    callback.succeed();
    Connection c = connection.get();
    if (c != null) {
      c.heard(System.nanoTime());
      c.send(Frames.error(null, "Binary frames are not supported; send JSON text frames"));
    }
  }

  @Override
  public void onWebSocketPong(java.nio.ByteBuffer payload) {
    Connection c = connection.get();
    if (c != null) {
      c.heard(System.nanoTime());
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    Connection c = connection.getAndSet(null);
    if (c != null) {
      // The address's quota first: once the registry no longer counts this connection, the address may open
      // another (AddressQuotasIT waits on the registry's count, and so may any client watching /metrics).
      app.connections().addresses().release(address, System.nanoTime());
      handler.onClose(c);
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    onWebSocketClose(0, cause.getMessage());
  }

  private static String remoteAddress(Session session) {
    SocketAddress remote = session.getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress() : String.valueOf(remote);
  }

  private void refuse(Session session, int code, String message) {
    app.counters().connectionRejected(code);
    app.observer().get().connectionRefused(code, message);
    session.sendText(Frames.error(code, message), Callback.from(
        () -> session.close(code, message, Callback.NOOP),
        failure -> session.close(code, message, Callback.NOOP)));
  }
}
