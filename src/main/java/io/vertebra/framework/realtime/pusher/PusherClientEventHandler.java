package io.vertebra.framework.realtime.pusher;

/** Receives a client event ({@code client-*}) as pusher-js got it off the wire, with its attested sender. */
@FunctionalInterface
public interface PusherClientEventHandler {

  /**
   * One client event on {@code channel}; {@code data} is JSON-like Java values (see {@link PusherEventHandler}),
   * {@code userId} the {@code user_id} the service stamped on it (presence channels), or null.
   */
  void onClientEvent(String channel, String event, Object data, String userId);
}
