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
 *
 * <p>In a cluster the count is the cluster's: this node's subscribers plus those the other nodes last reported
 * ({@code elsewhere}). Every node tells its own subscribers of every change; only the node where a change happened
 * sends the webhook for it (the node that reaps a dead node, for the subscribers that died with it).
 */
public final class SubscriptionCounts {

  /** Subscribers up to which every change is sent at once. */
  public static final int SMALL_CHANNEL = 100;
  /** The shortest interval between two counts of a larger channel. */
  public static final long THROTTLE_MILLIS = 5_000;

  /** Counting disabled (Pusher's default): nothing is sent. */
  public static final SubscriptionCounts OFF = new SubscriptionCounts(null, null);

  /** Subscribers of a channel on the other nodes of a cluster (0 for a single node). */
  @FunctionalInterface
  public interface Elsewhere {
    /** The subscribers of {@code channel} on the other live nodes, as last reported. */
    int subscribers(String channel);
  }

  /** Runs a task after a delay (the server's timer; a test's manual clock). */
  @FunctionalInterface
  public interface Timer {
    /** Runs {@code task} once, {@code millis} from now, on another thread. */
    void after(long millis, Runnable task);
  }

  /**
   * A channel's open throttle window; {@code pending} when a change happened during it, {@code webhook} when one
   * of those changes happened on this node.
   */
  private static final class Window {
    boolean pending;
    boolean webhook;
  }

  private final ChannelListener listener;
  private final Timer timer;
  private final Elsewhere elsewhere;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final LongAdder sent = new LongAdder();

  /** Counting that tells subscribers and {@code listener} (the webhook), throttled by {@code timer}. */
  public SubscriptionCounts(ChannelListener listener, Timer timer) {
    this(listener, timer, channel -> 0);
  }

  /** Counting as above, adding the subscribers the other nodes of a cluster hold ({@code elsewhere}). */
  public SubscriptionCounts(ChannelListener listener, Timer timer, Elsewhere elsewhere) {
    this.listener = listener;
    this.timer = timer;
    this.elsewhere = elsewhere;
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
    changed(channel, registry, true);
  }

  /**
   * Another node reported a new number of subscribers of {@code channel}: this node's subscribers hear the new
   * total (the reporting node sends the webhook), unless {@code webhook} (this node reaped a dead one).
   */
  public void changedElsewhere(String channel, ChannelRegistry registry, boolean webhook) {
    if (webhook || registry.find(channel) != null) {
      changed(channel, registry, webhook);
    }
  }

  private void changed(String channel, ChannelRegistry registry, boolean webhook) {
    if (!enabled() || ChannelType.of(channel) == ChannelType.PRESENCE) {
      return;
    }
    // compute() serializes the decisions per channel, so two changes never send their counts out of order
    windows.compute(channel, (name, open) -> {
      if (open != null) {
        open.pending = true;
        open.webhook |= webhook;
        return open;
      }
      return send(name, registry, webhook);
    });
  }

  /** Sends the current count; returns the window to open when the channel is large, else null. */
  private Window send(String name, ChannelRegistry registry, boolean webhook) {
    Channel found = registry.find(name);
    int count = (found == null ? 0 : found.subscriptionCount()) + elsewhere.subscribers(name);
    if (found != null) {
      found.broadcast(Frames.subscriptionCount(name, count), null);
    }
    if (webhook) {
      listener.subscriptionCount(name, count);
    }
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
      return open.pending ? send(name, registry, open.webhook) : null;
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
