package io.vertebra.framework.realtime;

import com.google.gwt.core.client.Duration;
import io.vertebra.framework.browser.Timeouts;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;

/**
 * Brings the realtime connection back as soon as it can work again, where pusher-js alone would wait:
 * <ul>
 *   <li>after the server closed it for good (pusher-js does not retry after a 4000–4099 close, e.g.
 *       {@code terminate_connections} or a refused connection): tries again after 2 s, doubling up to 30 s;</li>
 *   <li>while pusher-js is retrying on its own back-off (connecting / unavailable, e.g. during a server restart,
 *       up to 10 s and more between attempts): asks the app server's {@code /healthz} every second and, once it
 *       answers, restarts the connection at once, then every 3 s while the outage is younger than 30 s and after
 *       that at intervals doubling up to 30 s: the app server answering says nothing of a realtime service that
 *       runs elsewhere (a {@code channels} process being restarted, which takes a few seconds), and the spacing
 *       leaves a handshake slowed by a reconnect storm time to finish.</li>
 * </ul>
 * The {@link Notifier} then resubscribes and triggers its resync, so every followed model and collection fetches
 * what it missed. An app creates one beside its notifier: {@code new Reconnector(notifier)}; the app server must
 * answer {@value #HEALTH_PATH}.
 */
public final class Reconnector extends Events {

  static final int FIRST_DELAY_MS = 2_000;
  static final int MAX_DELAY_MS = 30_000;
  static final int PROBE_INTERVAL_MS = 1_000;
  static final String HEALTH_PATH = "/healthz";

  private final Notifier notifier;
  private final Model health = new Model();
  private final ForcedReconnects forced = new ForcedReconnects();
  private int delay = FIRST_DELAY_MS;
  private boolean probing;
  private boolean wasConnected;
  /** The pending retry's and the probe's timeout ids (Timeouts), 0 when none: browsers never hand out 0. */
  private double retry;
  private double probe;

  /** Watches {@code notifier}'s connection from now on. */
  public Reconnector(Notifier notifier) {
    this.notifier = notifier;
    health.setUrl(HEALTH_PATH);
    listenTo(notifier, "connection:connected", args -> {
      Timeouts.cancel(retry);
      retry = 0;
      stopProbing();
      delay = FIRST_DELAY_MS;
      wasConnected = true;
    });
    listenTo(notifier, "connection:disconnected connection:failed", args -> schedule());
    listenTo(notifier, "connection:connecting connection:unavailable", args -> {
      if (wasConnected) {
        startProbing();
      }
    });
  }

  private void schedule() {
    Timeouts.cancel(retry);
    retry = Timeouts.schedule(notifier::connect, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  private void startProbing() {
    if (!probing) {
      probing = true;
      forced.outageStarted(Duration.currentTimeMillis());
      probe = Timeouts.repeat(() -> health.fetch(new Options()
          .success((target, response, options) -> serverAnswered())
          .error((target, response, options) -> { })), PROBE_INTERVAL_MS);
    }
  }

  private void stopProbing() {
    probing = false;
    Timeouts.cancel(probe);
    probe = 0;
  }

  private void serverAnswered() {
    // Duration's double milliseconds: System.currentTimeMillis() would bring in GWT's long emulation.
    if (notifier.state() == ConnectionState.CONNECTED || !forced.due(Duration.currentTimeMillis())) {
      return;
    }
    // Restarting skips whatever is left of pusher-js's back-off; subscriptions are kept and resubscribed.
    notifier.disconnect();
    notifier.connect();
  }
}
