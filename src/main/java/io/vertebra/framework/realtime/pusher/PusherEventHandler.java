package io.vertebra.framework.realtime.pusher;

/** Receives a pusher-js event with its data already converted to JSON-like Java values. */
@FunctionalInterface
public interface PusherEventHandler {

  /**
   * One event. {@code data} is a {@code Map<String, Object>}, {@code List<Object>}, {@code String},
   * {@code Double}, {@code Boolean} or null (no data).
   */
  void onEvent(String event, Object data);
}
