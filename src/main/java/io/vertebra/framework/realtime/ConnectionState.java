package io.vertebra.framework.realtime;

/**
 * The states of a realtime connection, with the names pusher-js uses ({@code connection.state}).
 *
 * <p>A connection starts {@link #INITIALIZED}, goes {@link #CONNECTING} → {@link #CONNECTED}; when the network
 * drops it goes back to {@link #CONNECTING} (retrying) and to {@link #UNAVAILABLE} when retries keep failing.
 * {@link #FAILED} means the browser cannot connect at all; {@link #DISCONNECTED} follows an explicit disconnect.
 */
public enum ConnectionState {
  /** Created, not yet asked to connect. */
  INITIALIZED("initialized"),
  /** Trying to (re)establish the connection. */
  CONNECTING("connecting"),
  /** Open: subscriptions are live and a socket id is assigned. */
  CONNECTED("connected"),
  /** The service could not be reached for a while; the client keeps retrying. */
  UNAVAILABLE("unavailable"),
  /** The browser supports no usable transport: no retry will help. */
  FAILED("failed"),
  /** Closed on purpose by {@code disconnect()}. */
  DISCONNECTED("disconnected");

  private final String pusherName;

  ConnectionState(String pusherName) {
    this.pusherName = pusherName;
  }

  /** The state's name as pusher-js spells it, also used in the framework event names ({@code connection:connected}). */
  public String pusherName() {
    return pusherName;
  }

  /** The state for a pusher-js state name; an unknown name is an {@link IllegalArgumentException}. */
  public static ConnectionState fromPusherName(String name) {
    for (ConnectionState state : values()) {
      if (state.pusherName.equals(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("Unknown connection state: " + name);
  }
}
