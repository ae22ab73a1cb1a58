package io.vertebra.channels.channel;

import io.vertebra.channels.protocol.Frames;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pusher's subscription counting: when the app enables it, every change in the number of connections subscribed
 * to a channel (any kind but presence, which has its member events) is told to the channel's subscribers as
 * {@code pusher_internal:subscription_count} and to the webhook as {@code subscription_count}. Like hosted Pusher,
 * a channel of at most {@value #SMALL_CHANNEL} subscribers hears of every change at once; a larger one at most once
 * every {@value #THROTTLE_MILLIS} ms: the first change is sent and opens a window, and when the window ends the
 * count of that moment is sent if anything changed meanwhile (so the last word is always the true count).
 */
public final class SubscriptionCounts {

  /** Subscribers up to which every change is sent at once. */
  public static final int SMALL_CHANNEL = 100;
  /** The shortest interval between two counts of a larger channel. */
  public static final long THROTTLE_MILLIS = 5_000;

  /** Counting disabled (Pusher's default): nothing is sent. */
  public static final SubscriptionCounts OFF = new SubscriptionCounts(null, null);

  /** Runs a task after a delay (the server's timer; a test's manual clock). */
  @FunctionalInterface
  public interface Timer {
    /** Runs {@code task} once, {@code millis} from now, on another thread. */
    void after(long millis, Runnable task);
  }

  /** A channel's open throttle window; {@code pending} when a change happened during it. */
  private static final class Window {
    boolean pending;
  }

  private final ChannelListener listener;
  private final Timer timer;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final LongAdder sent = new LongAdder();

  /** Counting that tells subscribers and {@code listener} (the webhook), throttled by {@code timer}. */
  public SubscriptionCounts(ChannelListener listener, Timer timer) {
    this.listener = listener;
    this.timer = timer;
  }

  /** Whether counts are sent at all. */
  public boolean enabled() {
    return timer != null;
  }

  /**
   * The number of subscribers of {@code channel} on this node changed; {@code registry} holds it (or no longer
   * does, when it emptied). Sends the new count now, or when the channel's throttle window ends.
   */
  void changed(String channel, ChannelRegistry registry) {
    if (!enabled() || ChannelType.of(channel) == ChannelType.PRESENCE) {
      return;
    }
    // compute() serializes the decisions per channel, so two changes never send their counts out of order
    windows.compute(channel, (name, open) -> {
      if (open != null) {
        open.pending = true;
        return open;
      }
      return send(name, registry);
    });
  }

  /** Sends the current count; returns the window to open when the channel is large, else null. */
  private Window send(String name, ChannelRegistry registry) {
    Channel found = registry.find(name);
    int count = found == null ? 0 : found.subscriptionCount();
    if (found != null) {
      found.broadcast(Frames.subscriptionCount(name, count), null);
    }
    listener.subscriptionCount(name, count);
    sent.increment();
    if (count <= SMALL_CHANNEL) {
      return null;
    }
    Window window = new Window();
    timer.after(THROTTLE_MILLIS, () -> windowEnded(name, window, registry));
    return window;
  }

  private void windowEnded(String name, Window ended, ChannelRegistry registry) {
    windows.computeIfPresent(name, (k, open) -> {
      if (open != ended) {
        return open;
      }
      return open.pending ? send(name, registry) : null;
    });
  }

  /** Counts sent since start (for metrics). */
  public long sent() {
    return sent.sum();
  }

  /** Channels inside a throttle window now (for tests and metrics). */
  public int throttled() {
    return windows.size();
  }
}
