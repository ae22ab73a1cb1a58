package io.vertebra.framework.realtime;

/**
 * When {@link Reconnector} may restart a connection that pusher-js is still retrying on its own back-off: every
 * {@value #QUICK_SPACING_MS} ms while the outage is younger than {@value #QUICK_MS} ms (a restarting realtime service
 * is usually back within seconds), and after that at intervals doubling up to {@value #MAX_SPACING_MS} ms (a long
 * outage, or a reconnect storm whose handshakes need time to finish). Times are milliseconds on any one clock.
 */
final class ForcedReconnects {

  static final int QUICK_SPACING_MS = 3_000;
  static final int QUICK_MS = 30_000;
  static final int MAX_SPACING_MS = 30_000;

  private int spacing = QUICK_SPACING_MS;
  private double outageSince;
  private double lastForced = Double.NEGATIVE_INFINITY;

  /** An outage began at {@code now}: the quick spacing applies again. */
  void outageStarted(double now) {
    outageSince = now;
    spacing = QUICK_SPACING_MS;
  }

  /** Whether a restart is due at {@code now}; when it is, it counts as made. */
  boolean due(double now) {
    if (now - lastForced < spacing) {
      return false;
    }
    if (now - outageSince > QUICK_MS) {
      spacing = Math.min(spacing * 2, MAX_SPACING_MS);
    }
    lastForced = now;
    return true;
  }
}
