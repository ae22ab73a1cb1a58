package io.vertebra.framework.realtime.pusher;

/** Receives pusher-js connection state changes, with pusher-js's state names. */
@FunctionalInterface
public interface PusherStateHandler {

  /** The connection went from {@code previous} to {@code current} ({@code "connecting"}, {@code "connected"}...). */
  void onStateChange(String previous, String current);
}
