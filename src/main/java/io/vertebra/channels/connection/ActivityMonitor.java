package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;

/**
 * Keeps connections honest: a client silent for the activity timeout gets a {@code pusher:ping}; one that does not
 * answer within the pong timeout is closed with 4201 (pusher-js reconnects at once). Runs on a timer, never on the
 * message path.
 */
public final class ActivityMonitor implements Runnable {

  private final ChannelsApp app;

  /** A monitor over the app's connections. */
  public ActivityMonitor(ChannelsApp app) {
    this.app = app;
  }

  @Override
  public void run() {
    sweep(System.nanoTime());
    app.cache().prune(app.clock().millis());
  }

  /** One pass at time {@code nowNanos}. */
  public void sweep(long nowNanos) {
    long activity = app.limits().activityTimeoutSeconds() * 1_000_000_000L;
    long pong = app.limits().pongTimeoutSeconds() * 1_000_000_000L;
    for (Connection c : app.connections().all()) {
      long pinged = c.pingSentNanos();
      if (pinged == 0 && nowNanos - c.lastActivityNanos() > activity) {
        c.pinged(nowNanos);
        c.send(Frames.ping());
      } else if (pinged != 0 && nowNanos - pinged > pong) {
        c.close(ErrorCode.PONG_NOT_RECEIVED, "Pong reply not received: the client did not answer the ping");
      }
    }
  }
}
