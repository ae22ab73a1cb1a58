package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.StringMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's one realtime connection, as framework events: what the server publishes on Pusher channels
 * arrives here and is re-triggered so that models, collections and views can {@code listenTo} it like any other
 * framework object.
 *
 * <h2>Catalog of events</h2>
 * <ul>
 *   <li>Every event of every subscribed channel, under its Pusher name ({@code post:change},
 *       {@code client-editing}, {@code pusher:subscription_succeeded}, {@code pusher:member_added}...), with the
 *       arguments <b>{@code (data, channelName)}</b>: the event's JSON-like data first, as a Pusher callback
 *       receives it, then the channel it came on. The same event is also triggered on that channel's
 *       {@link RealtimeChannel} (see {@link #channel}), which is what single-channel followers listen to.</li>
 *   <li>Events that belong to no channel (for example {@code pusher:signin_success}): {@code (data, null)}.</li>
 *   <li>{@value #RESYNC} {@code (null, channelName)}: a channel was subscribed again after having been subscribed
 *       before (a reconnection, or {@link #connect()} after {@link #disconnect()}). Events published meanwhile
 *       were lost, so whoever shows data from that channel should fetch it again.</li>
 *   <li>{@code connection:connected}, {@code connection:connecting}, {@code connection:unavailable},
 *       {@code connection:failed}, {@code connection:disconnected} and, for every change,
 *       {@value #STATE_CHANGE}: all with {@code (previous, current)} {@link ConnectionState}s.</li>
 * </ul>
 *
 * <h2>Channel lifetime</h2>
 * A channel is subscribed while something holds it: an explicit {@link #subscribe} (until the matching
 * {@link #unsubscribe}), or a listener bound to its {@link RealtimeChannel} (until that listener is removed with
 * {@code off} or {@code stopListening}, as {@code View.remove()} does). So followers that bind through
 * {@link #channel} release the subscription automatically when they go away.
 *
 * <p>The transport is a {@link RealtimeBackend}: pusher-js in the browser, an in-memory service in JVM tests.
 */
public class Notifier extends Events {

  /** Triggered when a channel was subscribed again after a connection loss: data may be stale. */
  public static final String RESYNC = "realtime:resync";
  /** Triggered on every connection state change, with {@code (previous, current)}. */
  public static final String STATE_CHANGE = "connection:state_change";
  /** Prefix of the per-state connection events ({@code connection:connected}...). */
  public static final String CONNECTION_PREFIX = "connection:";
  /** Pusher's confirmation of a (re)subscription, triggered on the channel. */
  public static final String SUBSCRIPTION_SUCCEEDED = "pusher:subscription_succeeded";

  /** Pusher's channel name rule: at most 164 of these characters. */
  private static final String CHANNEL_NAME_PATTERN = "[A-Za-z0-9_\\-=@,.;]{1,164}";

  private final RealtimeBackend backend;
  private final Map<String, RealtimeChannel> channels = new StringMap<>();
  private boolean started;

  /** A notifier over {@code backend}; nothing happens until {@link #connect()}. */
  public Notifier(RealtimeBackend backend) {
    if (backend == null) {
      throw new IllegalArgumentException("backend is null");
    }
    this.backend = backend;
  }

  /** Connects (or reconnects after {@link #disconnect()}), subscribing every channel held so far. */
  public Notifier connect() {
    if (started) {
      // The backend subscribes its channels again by itself, as pusher-js does.
      backend.connect();
      return this;
    }
    started = true;
    backend.setListener(new BackendListener());
    backend.connect();
    for (RealtimeChannel channel : new ArrayList<>(channels.values())) {
      ensureSubscribed(channel);
    }
    return this;
  }

  /** Closes the connection; channels stay held and are subscribed again by the next {@link #connect()}. */
  public Notifier disconnect() {
    backend.disconnect();
    return this;
  }

  /** The current connection state. */
  public ConnectionState state() {
    return backend.state();
  }

  /** This connection's socket id, or null while not connected: send it as {@code X-Socket-Id} to avoid echoes. */
  public String socketId() {
    return backend.socketId();
  }

  /**
   * Subscribes to {@code name} and holds it until a matching {@link #unsubscribe}; holds are counted, so two
   * parts of an app can subscribe and unsubscribe independently. Returns the channel's event object.
   */
  public RealtimeChannel subscribe(String name) {
    RealtimeChannel channel = channel(name);
    channel.holds++;
    return channel;
  }

  /** Releases one {@link #subscribe} hold; the channel is unsubscribed when nothing holds it any more. */
  public Notifier unsubscribe(String name) {
    RealtimeChannel channel = channels.get(name);
    if (channel != null && channel.holds > 0) {
      channel.holds--;
      releaseIfUnused(channel);
    }
    return this;
  }

  /**
   * The event object of channel {@code name}, subscribing to it if needed. Bind to it (usually with
   * {@code listenTo}) right away: the subscription lasts while it has listeners (or a {@link #subscribe} hold).
   * A backend may confirm at once (the in-memory one does): to see the first
   * {@code pusher:subscription_succeeded}, bind to the notifier before, or use {@link LiveModels} /
   * {@link LivePresence}, which bind first and subscribe then.
   */
  public RealtimeChannel channel(String name) {
    RealtimeChannel channel = channelObject(name);
    ensureSubscribed(channel);
    return channel;
  }

  /** The channel object for {@code name}, created if needed, without subscribing yet (see {@link Following}). */
  RealtimeChannel channelObject(String name) {
    checkChannelName(name);
    RealtimeChannel channel = channels.get(name);
    if (channel == null) {
      channel = new RealtimeChannel(this, name);
      channels.put(name, channel);
    }
    return channel;
  }

  /** Subscribes the backend to a channel object made by {@link #channelObject}, once. */
  void ensureSubscribed(RealtimeChannel channel) {
    if (started && !channel.requested) {
      channel.requested = true;
      backend.subscribe(channel.name());
    }
  }

  /** Whether {@code name} is currently held (subscribed, or waiting for the connection to subscribe). */
  public boolean isSubscribed(String name) {
    return channels.containsKey(name);
  }

  /** The names of the channels currently held, in subscription order. */
  public List<String> channelNames() {
    return new ArrayList<>(channels.keySet());
  }

  /**
   * Sends a client event to the other members of a private or presence channel this notifier holds (the sender
   * does not receive it). {@code event} must start with {@code client-}. Returns false when it was not sent
   * (for example while disconnected).
   */
  public boolean triggerClientEvent(String channel, String event, Object data) {
    if (event == null || !event.startsWith("client-")) {
      throw new IllegalArgumentException("Client event names start with 'client-': " + event);
    }
    if (channel == null || !(channel.startsWith("private-") || channel.startsWith("presence-"))) {
      throw new IllegalArgumentException("Client events need a private- or presence- channel: " + channel);
    }
    if (!channels.containsKey(channel)) {
      throw new IllegalStateException("Not subscribed to " + channel);
    }
    return backend.triggerClientEvent(channel, event, data);
  }

  /** Authenticates the user with the service (needed for user events); the result is {@code pusher:signin_success}. */
  public Notifier signin() {
    backend.signin();
    return this;
  }

  /** The live channel object for {@code name}, or null; never subscribes. */
  RealtimeChannel liveChannel(String name) {
    return channels.get(name);
  }

  /** Called by a channel whose listeners changed: unsubscribes it when nothing holds it any more. */
  void releaseIfUnused(RealtimeChannel channel) {
    if (channel.holds > 0 || channel.hasListeners(null) || channels.get(channel.name()) != channel) {
      return;
    }
    channels.remove(channel.name());
    if (channel.requested) {
      backend.unsubscribe(channel.name());
    }
  }

  private static void checkChannelName(String name) {
    if (name == null || !name.matches(CHANNEL_NAME_PATTERN)) {
      throw new IllegalArgumentException("Invalid channel name (1-164 of A-Z a-z 0-9 _ - = @ , . ;): " + name);
    }
  }

  /** Turns what the backend reports into framework events; the backend itself decides nothing. */
  private final class BackendListener implements RealtimeBackend.Listener {

    @Override
    public void onEvent(String channelName, String event, Object data) {
      onEvent(channelName, event, data, null);
    }

    @Override
    public void onEvent(String channelName, String event, Object data, String userId) {
      if (channelName == null) {
        trigger(event, data, null);
        return;
      }
      RealtimeChannel channel = channels.get(channelName);
      if (channel == null) {
        // Late delivery for a channel released a moment ago: nobody wants it.
        return;
      }
      boolean resubscribed = false;
      if (SUBSCRIPTION_SUCCEEDED.equals(event)) {
        resubscribed = channel.succeededBefore;
        channel.succeededBefore = true;
      }
      // The attested sender is a third argument only when there is one, so other events keep (data, channelName).
      Object[] args = userId == null ? new Object[] {data, channelName} : new Object[] {data, channelName, userId};
      trigger(event, args);
      channel.trigger(event, args);
      if (resubscribed) {
        trigger(RESYNC, null, channelName);
        channel.trigger(RESYNC, null, channelName);
      }
    }

    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
      trigger(CONNECTION_PREFIX + current.pusherName(), previous, current);
      trigger(STATE_CHANGE, previous, current);
    }
  }
}
