package io.vertebra.framework.realtime.pusher;

import io.vertebra.framework.core.Defer;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.realtime.ConnectionState;
import io.vertebra.framework.realtime.RealtimeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The browser's {@link RealtimeBackend}: the real pusher-js, through the {@link PusherJs} boundary. It reports
 * every channel event (pusher's own included; client events with the sender's attested user id), the client-wide
 * {@code pusher:error} and
 * {@code pusher:signin_success}, events sent to the signed-in user, and connection state changes. Events of
 * {@code private-encrypted-} channels arrive decrypted (pusher-js decrypts them with the shared secret from the
 * app's auth endpoint) when the page loaded pusher-js's encryption build; on a page with the plain build such a
 * channel reports {@code pusher:subscription_error} ({@code type: "EncryptionUnavailable"}) instead.
 *
 * <pre>{@code
 * Notifier notifier = new Notifier(new PusherJsBackend(PusherOptions.fromMap(settingsFromServer))).connect();
 * }</pre>
 */
public final class PusherJsBackend implements RealtimeBackend {

  /** Channels whose events pusher-js decrypts with the shared secret the app's auth endpoint gives it. */
  static final String ENCRYPTED_PREFIX = "private-encrypted-";
  /** Why an encrypted channel cannot be subscribed on a page that loaded the plain pusher-js build. */
  static final String NO_DECRYPTION = "private-encrypted- channels need pusher-js's encryption build: load"
      + " vendor/pusher-with-encryption.min.js instead of vendor/pusher.min.js in the host page";

  /** Client-wide events reported with a null channel. */
  private static final String[] CLIENT_EVENTS = {"pusher:error", "pusher:signin_success"};

  private final PusherOptions options;
  /** Subscribed channels and their bind_global callbacks (null until the client exists). */
  private final Map<String, PusherBinding> channels = new StringMap<>();
  private final List<PusherBinding> clientBindings = new ArrayList<>();
  private Listener listener;
  private PusherJs pusher;
  private ConnectionState reported = ConnectionState.INITIALIZED;

  /** A backend that connects with {@code options} on {@link #connect()}. */
  public PusherJsBackend(PusherOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options is null");
    }
    this.options = options;
  }

  @Override
  public void setListener(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void connect() {
    if (pusher != null) {
      pusher.connect();
      return;
    }
    pusher = PusherJs.create(options);
    clientBindings.add(pusher.bindStateChange((previous, current) -> report(current)));
    for (String event : CLIENT_EVENTS) {
      clientBindings.add(pusher.bind(event, (name, data) -> emit(null, name, data)));
    }
    clientBindings.add(pusher.bindUserGlobal((name, data) -> emit(null, name, data)));
    // Client events come from the connection, where the sender's attested user_id is still attached.
    clientBindings.add(pusher.bindClientEvents((channel, event, data, userId) -> {
      if (channels.containsKey(channel) && listener != null) {
        listener.onEvent(channel, event, data, userId);
      }
    }));
    // The constructor already started connecting, before our state_change callback existed.
    report(pusher.state());
    for (String name : new ArrayList<>(channels.keySet())) {
      channels.put(name, bindChannel(name));
    }
  }

  @Override
  public void disconnect() {
    if (pusher != null) {
      pusher.disconnect();
    }
  }

  @Override
  public ConnectionState state() {
    return pusher == null ? ConnectionState.INITIALIZED : ConnectionState.fromPusherName(pusher.state());
  }

  @Override
  public String socketId() {
    return pusher == null ? null : pusher.socketId();
  }

  @Override
  public void subscribe(String channel) {
    if (channels.containsKey(channel)) {
      return;
    }
    channels.put(channel, pusher == null ? null : bindChannel(channel));
  }

  @Override
  public void unsubscribe(String channel) {
    if (!channels.containsKey(channel)) {
      return;
    }
    PusherBinding binding = channels.remove(channel);
    if (binding != null) {
      binding.unbind();
    }
    if (pusher != null) {
      pusher.unsubscribe(channel);
    }
  }

  @Override
  public boolean triggerClientEvent(String channel, String event, Object data) {
    if (pusher == null || state() != ConnectionState.CONNECTED) {
      return false;
    }
    PusherChannelJs subscribed = pusher.channel(channel);
    return subscribed != null && subscribed.isSubscribed() && subscribed.trigger(event, data);
  }

  @Override
  public void signin() {
    if (pusher != null) {
      pusher.signin();
    }
  }

  /** Stops reporting anything and closes the connection (for pages that tear the client down). */
  public void release() {
    for (PusherBinding binding : clientBindings) {
      binding.unbind();
    }
    clientBindings.clear();
    for (String name : new ArrayList<>(channels.keySet())) {
      unsubscribe(name);
    }
    disconnect();
  }

  private PusherBinding bindChannel(String name) {
    if (!canSubscribe(name, pusher.canDecrypt())) {
      // The plain build throws from subscribe(); say what to change, as pusher-js reports its own auth failures:
      // later, so that listeners bound right after subscribing hear it.
      Defer.run(() -> emit(name, "pusher:subscription_error", encryptionUnavailable()));
      return null;
    }
    return pusher.subscribe(name).bindGlobal((event, data) -> {
      if (!event.startsWith("client-")) { // those arrive through bindClientEvents, with their sender
        emit(name, event, data);
      }
    });
  }

  /** Whether a client that can ({@code canDecrypt}) or cannot decrypt may subscribe to {@code channel}. */
  static boolean canSubscribe(String channel, boolean canDecrypt) {
    return canDecrypt || !channel.startsWith(ENCRYPTED_PREFIX);
  }

  /** The {@code pusher:subscription_error} data for an encrypted channel the page cannot decrypt. */
  static Map<String, Object> encryptionUnavailable() {
    Map<String, Object> data = new StringMap<>();
    data.put("type", "EncryptionUnavailable");
    data.put("error", NO_DECRYPTION);
    return data;
  }

  private void report(String pusherState) {
    ConnectionState current = ConnectionState.fromPusherName(pusherState);
    if (current == reported) {
      return;
    }
    ConnectionState previous = reported;
    reported = current;
    if (listener != null) {
      listener.onStateChange(previous, current);
    }
  }

  private void emit(String channel, String event, Object data) {
    if (listener != null) {
      listener.onEvent(channel, event, data);
    }
  }
}
