package io.vertebra.framework.realtime;

/**
 * The transport under a {@link Notifier}: a connection to a Pusher-compatible service that subscribes to channels
 * and reports their events. Swapping the backend is how the same application code runs in the browser
 * ({@code PusherJsBackend}, over the real pusher-js) and in JVM tests ({@code InMemoryRealtimeBackend}).
 *
 * <p>A backend only transports: it reports every event and state change to its single {@link Listener} and
 * leaves all decisions (routing, versions, resync) to the Java code above it. Event data is JSON-like: a
 * {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} or null.
 */
public interface RealtimeBackend {

  /** Sets who receives every event and state change; called once, before the first {@link #connect()}. */
  void setListener(Listener listener);

  /**
   * Starts connecting, or reconnects after {@link #disconnect()}: channels subscribed before are subscribed
   * again, as pusher-js does.
   */
  void connect();

  /** Closes the connection; the state becomes {@link ConnectionState#DISCONNECTED}. */
  void disconnect();

  /** The current connection state. */
  ConnectionState state();

  /** The id the service gave this connection, or null while not connected. */
  String socketId();

  /**
   * Subscribes to a channel (now, or as soon as the connection is up). The service confirms with a
   * {@code pusher:subscription_succeeded} event on that channel, or reports {@code pusher:subscription_error}.
   */
  void subscribe(String channel);

  /** Unsubscribes from a channel; no more of its events are reported. */
  void unsubscribe(String channel);

  /**
   * Sends a client event ({@code client-} prefix) to the other subscribers of a private or presence channel.
   * Returns false when it could not be sent (not connected, not subscribed).
   */
  boolean triggerClientEvent(String channel, String event, Object data);

  /** Authenticates the user (pusher-js {@code signin()}); the outcome arrives as {@code pusher:signin_success}. */
  void signin();

  /** Receives what a backend reports. */
  interface Listener {

    /**
     * One event: {@code channel} is the channel it arrived on, or null for an event that belongs to no channel
     * (for example those sent to the signed-in user). Pusher's own events keep their names
     * ({@code pusher:subscription_succeeded}, {@code pusher:member_added}...).
     */
    void onEvent(String channel, String event, Object data);

    /**
     * One event with its sender's user id as the service attests it: for a client event on a presence channel,
     * the user_id the service took from the sender's signed subscription (never from the event's data, which any
     * client can fill with anything). Null when the service attests no sender. By default the id is dropped.
     */
    default void onEvent(String channel, String event, Object data, String userId) {
      onEvent(channel, event, data);
    }

    /** The connection went from {@code previous} to {@code current}. */
    void onStateChange(ConnectionState previous, ConnectionState current);
  }
}
