package io.vertebra.channels;

/**
 * Everything that happens on the channels server, for a live observer such as the debug console. Unlike
 * {@link io.vertebra.channels.channel.ChannelListener} (channel occupancy, for webhooks) it also sees connections,
 * every subscription, triggered events and errors.
 *
 * <p>Called on the server's I/O and request threads after the fact: implementations must return at once (queue,
 * never block or send) and must not throw. {@link #NONE} ignores everything; the server calls through a
 * {@link ObserverSlot}, so nobody watching costs one volatile read per call site.
 */
public interface ChannelsObserver {

  /** An observer that ignores everything. */
  ChannelsObserver NONE = new ChannelsObserver() {};

  /** A WebSocket connection was accepted with {@code socketId}. */
  default void connectionOpened(String socketId) {}

  /** A WebSocket upgrade was refused at the protocol level (bad key, protocol, quota...). */
  default void connectionRefused(int code, String message) {}

  /** The connection {@code socketId} closed (it has left all its channels by now). */
  default void connectionClosed(String socketId) {}

  /** {@code socketId} subscribed to {@code channel}; {@code userId} is its presence member id, else null. */
  default void subscribed(String channel, String socketId, String userId) {}

  /** {@code socketId} left {@code channel} (unsubscribe, or its connection closed). */
  default void unsubscribed(String channel, String socketId) {}

  /** A subscription of {@code socketId} to {@code channel} was refused with an HTTP-like {@code status}. */
  default void subscriptionRejected(String channel, String socketId, int status, String message) {}

  /** {@code socketId} was answered with pusher:error ({@code code} may be null) for a bad frame. */
  default void protocolError(String socketId, Integer code, String message) {}

  /** A client event was relayed on {@code channel}; {@code userId} is null outside presence channels. */
  default void clientEvent(String channel, String event, String data, String socketId, String userId) {}

  /** An event was published through the HTTP API to {@code channel}; {@code exceptSocketId} may be null. */
  default void eventTriggered(String channel, String event, String data, String exceptSocketId) {}

  /** An HTTP API request was refused with {@code status}. */
  default void apiError(String method, String path, int status, String message) {}
}
