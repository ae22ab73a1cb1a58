package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;

/**
 * Keeps connections honest: a client silent for the activity timeout gets a {@code pusher:ping}; one that does not
 * answer within the pong timeout is closed with 4201 (pusher-js reconnects at once). With an authorization timeout
 * set, a connection still anonymous when it runs out is closed with 4009, as hosted Pusher's "authorized
 * connections" do. Runs on a timer, never on the message path.
 */
public final class ActivityMonitor implements Runnable {

  private final ChannelsApp app;

  /** A monitor over the app's connections. */
  public ActivityMonitor(ChannelsApp app) {
    this.app = app;
  }

  @Override
  public void run() {
    long now = System.nanoTime();
    sweep(now);
    app.connections().addresses().prune(now);
    app.cache().prune(app.clock().millis());
  }

  /** One pass at time {@code nowNanos}. */
  public void sweep(long nowNanos) {
    long activity = app.limits().activityTimeoutSeconds() * 1_000_000_000L;
    long pong = app.limits().pongTimeoutSeconds() * 1_000_000_000L;
    long authorization = app.limits().authorizationTimeoutSeconds() * 1_000_000_000L;
    for (Connection c : app.connections().all()) {
      if (authorization > 0 && !c.isAuthorized() && nowNanos - c.openedNanos() > authorization) {
        c.close(ErrorCode.UNAUTHORIZED, "Connection not authorized within timeout: sign in or subscribe to a"
            + " private or presence channel within " + app.limits().authorizationTimeoutSeconds() + " s");
        continue;
      }
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
