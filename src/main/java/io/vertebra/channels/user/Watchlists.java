package io.vertebra.channels.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.channel.Subscriber;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pusher's watchlist events: a connection that signs in with a {@code watchlist} (user ids in its signed
 * {@code user_data}) is told at once which of them are online and which offline, then whenever one of them comes
 * online (its first signed-in connection) or goes offline (its last one closes), as
 * {@code pusher_internal:watchlist_events} {@code {"events": [{"name": "online"|"offline", "user_ids": [...]}]}}
 * (pusher-js: {@code pusher.user.watchlist.bind("online", ...)}). A user is online while at least one connection is
 * signed in as it, on this node. One lock guards the three maps: sign-ins and closes of signed-in connections are
 * rare next to messages, and each holds it for a few map operations and queued frames.
 */
public final class Watchlists {

  /** The most user ids one watchlist may hold (hosted Pusher's limit). */
  public static final int MAX_WATCHLIST = 100;

  private record SignedIn(String userId, List<String> watchlist, Subscriber connection) {}

  private final boolean enabled;
  private final Map<String, SignedIn> bySocket = new HashMap<>();
  private final Map<String, Integer> onlineConnections = new HashMap<>();
  private final Map<String, Set<Subscriber>> watchers = new HashMap<>();

  private long eventsSent; // guarded by this, as the maps

  /** Watchlist events on ({@code true}) or off. */
  public Watchlists(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether watchlists are tracked at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * {@code connection} signed in as {@code userId} watching {@code watchlist} (already validated, at most
   * {@value #MAX_WATCHLIST} ids). Tells it the state of its watchlist, and its watchers that the user came online
   * if this is the user's first signed-in connection. A connection that signs in again is first signed out.
   */
  public synchronized void signedIn(Subscriber connection, String userId, List<String> watchlist) {
    if (!enabled) {
      return;
    }
    signOut(connection.socketId());
    List<String> watched = List.copyOf(new LinkedHashSet<>(watchlist));
    bySocket.put(connection.socketId(), new SignedIn(userId, watched, connection));
    for (String id : watched) {
      watchers.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(connection);
    }
    boolean cameOnline = onlineConnections.merge(userId, 1, Integer::sum) == 1;
    if (!watched.isEmpty()) {
      List<String> online = new ArrayList<>();
      List<String> offline = new ArrayList<>();
      for (String id : watched) {
        (onlineConnections.containsKey(id) ? online : offline).add(id);
      }
      connection.send(frame(online, offline));
      eventsSent++;
    }
    if (cameOnline) {
      tellWatchers(userId, frame(List.of(userId), List.of()));
    }
  }

  /** The connection with {@code socketId} closed (a no-op unless it had signed in). */
  public synchronized void closed(String socketId) {
    if (enabled) {
      signOut(socketId);
    }
  }

  private void signOut(String socketId) {
    SignedIn gone = bySocket.remove(socketId);
    if (gone == null) {
      return;
    }
    for (String id : gone.watchlist()) {
      Set<Subscriber> set = watchers.get(id);
      if (set != null && set.remove(gone.connection()) && set.isEmpty()) {
        watchers.remove(id);
      }
    }
    if (onlineConnections.merge(gone.userId(), -1, Integer::sum) == 0) {
      onlineConnections.remove(gone.userId());
      tellWatchers(gone.userId(), frame(List.of(), List.of(gone.userId())));
    }
  }

  private void tellWatchers(String userId, String frame) {
    for (Subscriber watcher : watchers.getOrDefault(userId, Set.of())) {
      watcher.send(frame);
      eventsSent++;
    }
  }

  /** Watchlist event messages sent since start (for metrics). */
  public synchronized long eventsSent() {
    return eventsSent;
  }

  /** Users online now (for tests and metrics). */
  public synchronized int onlineUsers() {
    return onlineConnections.size();
  }

  private static String frame(List<String> online, List<String> offline) {
    ObjectNode data = Frames.JSON.createObjectNode();
    ArrayNode events = data.putArray("events");
    addEvent(events, "online", online);
    addEvent(events, "offline", offline);
    return Frames.watchlistEvents(data);
  }

  private static void addEvent(ArrayNode events, String name, List<String> userIds) {
    if (!userIds.isEmpty()) {
      ArrayNode ids = events.addObject().put("name", name).putArray("user_ids");
      userIds.forEach(ids::add);
    }
  }
}
