package io.vertebra.framework.realtime.pusher;

/** A callback bound in pusher-js; {@link #unbind()} removes exactly that callback again. */
@FunctionalInterface
public interface PusherBinding {

  /** Removes the callback from pusher-js. Calling it twice is harmless. */
  void unbind();
}
