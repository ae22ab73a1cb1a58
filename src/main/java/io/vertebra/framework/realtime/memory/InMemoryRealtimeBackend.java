package io.vertebra.framework.realtime.memory;

import io.vertebra.framework.core.Json;
import io.vertebra.framework.realtime.ConnectionState;
import io.vertebra.framework.realtime.RealtimeBackend;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link RealtimeBackend} connected to an {@link InMemoryRealtimeHub}: behaves like pusher-js (states, socket
 * ids, subscription confirmations, resubscription after a reconnect, client events) without a network, so a
 * {@code Notifier} and everything built on it runs in JVM tests.
 *
 * <p>Presence channels work as with pusher-js once {@link #presenceUser} says who the connection is: the
 * subscriber gets the members, the others {@code pusher:member_added} / {@code pusher:member_removed}.
 *
 * <p>Besides the backend methods it offers what the network would do to a browser: {@link #loseConnection()},
 * {@link #becomeUnavailable()}, {@link #restoreConnection()} and {@link #fail()}.
 */
public final class InMemoryRealtimeBackend implements RealtimeBackend {

  private final InMemoryRealtimeHub hub;
  /** Channels the client wants, kept across connection losses as pusher-js keeps them. */
  private final Set<String> wanted = new LinkedHashSet<>();
  /** Channels the hub confirmed on the current connection. */
  private final Set<String> confirmed = new LinkedHashSet<>();
  private Listener listener;
  private ConnectionState state = ConnectionState.INITIALIZED;
  private String socketId;
  private String userId;
  private String presenceId;
  private Map<String, Object> presenceInfo;

  InMemoryRealtimeBackend(InMemoryRealtimeHub hub) {
    this.hub = hub;
  }

  @Override
  public void setListener(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void connect() {
    if (state == ConnectionState.CONNECTED || state == ConnectionState.CONNECTING) {
      return;
    }
    changeState(ConnectionState.CONNECTING);
    open();
  }

  @Override
  public void disconnect() {
    closeSocket();
    changeState(ConnectionState.DISCONNECTED);
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public String socketId() {
    return socketId;
  }

  @Override
  public void subscribe(String channel) {
    if (wanted.add(channel) && state == ConnectionState.CONNECTED) {
      confirm(channel);
    }
  }

  @Override
  public void unsubscribe(String channel) {
    wanted.remove(channel);
    if (confirmed.remove(channel) && isPresence(channel)) {
      hub.memberLeft(channel, this);
    }
  }

  /** Delivers the event to the channel's other subscribers; false when not connected or not subscribed. */
  @Override
  public boolean triggerClientEvent(String channel, String event, Object data) {
    if (!isSubscribedTo(channel)) {
      return false;
    }
    hub.relayClientEvent(channel, event, data, this);
    return true;
  }

  /**
   * Answers {@code pusher:signin_success} with the user set by {@link #signInAs}, or {@code pusher:error} when
   * none is set (as the real service answers a refused user authentication).
   */
  @Override
  public void signin() {
    if (state != ConnectionState.CONNECTED) {
      return;
    }
    if (userId == null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", 4009.0);
      error.put("message", "Connection not authorized: no user to sign in");
      emit(null, "pusher:error", error);
      return;
    }
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", userId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("user_data", Json.stringify(user));
    emit(null, "pusher:signin_success", data);
  }

  /**
   * Sets who this connection is on presence channels (what the app's channel authorization would put in
   * {@code channel_data}). Without it, presence subscriptions are refused as the auth endpoint would refuse them.
   */
  public InMemoryRealtimeBackend presenceUser(String id, Map<String, Object> info) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("A presence user needs an id");
    }
    this.presenceId = id;
    this.presenceInfo = info == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>(info);
    return this;
  }

  /** Sets the user id that {@link #signin()} authenticates (what the app's user-auth endpoint would return). */
  public InMemoryRealtimeBackend signInAs(String userId) {
    this.userId = userId;
    return this;
  }

  /** The network dropped: back to {@code connecting}, subscriptions lost until {@link #restoreConnection()}. */
  public void loseConnection() {
    if (state == ConnectionState.CONNECTED) {
      closeSocket();
      changeState(ConnectionState.CONNECTING);
    }
  }

  /** Retries kept failing: the connection is {@code unavailable} (the client keeps trying). */
  public void becomeUnavailable() {
    closeSocket();
    changeState(ConnectionState.UNAVAILABLE);
  }

  /** The network is back: connected with a new socket id, every wanted channel subscribed again. */
  public void restoreConnection() {
    if (state == ConnectionState.CONNECTED || state == ConnectionState.DISCONNECTED) {
      return;
    }
    if (state != ConnectionState.CONNECTING) {
      changeState(ConnectionState.CONNECTING);
    }
    open();
  }

  /** No usable transport: the connection is {@code failed} for good. */
  public void fail() {
    closeSocket();
    changeState(ConnectionState.FAILED);
  }

  /** Whether this connection is live and subscribed to {@code channel}. */
  public boolean isSubscribedTo(String channel) {
    return state == ConnectionState.CONNECTED && confirmed.contains(channel);
  }

  void deliver(String channel, String event, Object data, String userId) {
    if (listener != null) {
      listener.onEvent(channel, event, data, userId);
    }
  }

  private void open() {
    socketId = hub.nextSocketId();
    changeState(ConnectionState.CONNECTED);
    for (String channel : wanted.toArray(new String[0])) {
      confirm(channel);
    }
  }

  String presenceId() {
    return presenceId;
  }

  Map<String, Object> presenceInfo() {
    return presenceInfo;
  }

  private void confirm(String channel) {
    if (hub.isDenied(channel) || isPresence(channel) && presenceId == null) {
      wanted.remove(channel);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("type", "AuthError");
      data.put("error", "Subscription to " + channel + " refused");
      data.put("status", 403.0);
      emit(channel, "pusher:subscription_error", data);
      return;
    }
    confirmed.add(channel);
    if (isPresence(channel)) {
      emit(channel, "pusher:subscription_succeeded", hub.presenceData(channel, this));
      hub.memberJoined(channel, this);
    } else {
      emit(channel, "pusher:subscription_succeeded", new LinkedHashMap<String, Object>());
    }
  }

  private void closeSocket() {
    socketId = null;
    String[] left = confirmed.toArray(new String[0]);
    confirmed.clear();
    for (String channel : left) {
      if (isPresence(channel)) {
        hub.memberLeft(channel, this);
      }
    }
  }

  private static boolean isPresence(String channel) {
    return channel.startsWith("presence-");
  }

  private void changeState(ConnectionState next) {
    ConnectionState previous = state;
    if (previous == next) {
      return;
    }
    state = next;
    if (listener != null) {
      listener.onStateChange(previous, next);
    }
  }

  private void emit(String channel, String event, Object data) {
    if (listener != null) {
      listener.onEvent(channel, event, data);
    }
  }
}
