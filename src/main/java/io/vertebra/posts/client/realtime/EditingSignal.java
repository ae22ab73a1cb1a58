package io.vertebra.posts.client.realtime;

import com.google.gwt.core.client.Duration;
import com.google.gwt.user.client.Timer;

/**
 * Turns keystrokes into throttled "is editing" announcements: the first keystroke announces at once, further
 * ones at most every {@link #THROTTLE_MS}, and {@link #IDLE_MS} without typing (or {@link #stop()}) announces
 * that editing stopped. Keeps client events far below the channels server's rate limit.
 */
public final class EditingSignal {

  static final int THROTTLE_MS = 2_000;
  static final int IDLE_MS = 4_000;

  /** Sends one announcement. */
  public interface Announcer {
    void announce(boolean editing);
  }

  private final Announcer announcer;
  private double lastSent;
  private boolean editing;
  private final Timer idle = new Timer() {
    @Override
    public void run() {
      stop();
    }
  };

  public EditingSignal(Announcer announcer) {
    this.announcer = announcer;
  }

  /** The user typed. */
  public void typed() {
    double now = Duration.currentTimeMillis(); // a double: System.currentTimeMillis() would bring in long emulation
    if (!editing || now - lastSent >= THROTTLE_MS) {
      editing = true;
      lastSent = now;
      announcer.announce(true);
    }
    idle.schedule(IDLE_MS);
  }

  /** The user stopped editing (saved, cancelled, left): announces it once. */
  public void stop() {
    idle.cancel();
    if (editing) {
      editing = false;
      announcer.announce(false);
    }
  }
}
