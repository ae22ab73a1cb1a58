package io.vertebra.posts.client.realtime;

import com.google.gwt.user.client.Timer;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.realtime.Notifier;

/**
 * Brings the realtime connection back after the server closed it for good (pusher-js does not retry after a
 * 4000–4099 close, e.g. {@code terminate_connections} or a refused connection): tries again after 2 s, doubling
 * up to 30 s, until connected. The {@link Notifier} then resubscribes and triggers its resync, so every followed
 * model and collection fetches what it missed.
 */
public final class Reconnector extends Events {

  static final int FIRST_DELAY_MS = 2_000;
  static final int MAX_DELAY_MS = 30_000;

  private final Notifier notifier;
  private int delay = FIRST_DELAY_MS;
  private final Timer retry = new Timer() {
    @Override
    public void run() {
      notifier.connect();
    }
  };

  public Reconnector(Notifier notifier) {
    this.notifier = notifier;
    listenTo(notifier, "connection:connected", args -> {
      retry.cancel();
      delay = FIRST_DELAY_MS;
    });
    listenTo(notifier, "connection:disconnected connection:failed", args -> schedule());
  }

  private void schedule() {
    retry.schedule(delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
