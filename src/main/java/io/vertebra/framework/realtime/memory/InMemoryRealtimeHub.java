package io.vertebra.framework.realtime.memory;

import io.vertebra.framework.core.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Pusher-like service that lives in memory: the server side for {@link InMemoryRealtimeBackend} connections.
 * Use it to run realtime code on the JVM (tests, simulations) with no network: publish events as a server would,
 * refuse subscriptions, and watch client events travel between connections.
 *
 * <p>Delivery is synchronous and, like the real wire, by value: data is copied through JSON, so every number
 * arrives as a {@code Double} and receivers never share mutable maps with the sender.
 */
public final class InMemoryRealtimeHub {

  private final List<InMemoryRealtimeBackend> connections = new ArrayList<>();
  private final Set<String> deniedChannels = new HashSet<>();
  private int nextSocketNumber;

  /** A new client connection to this hub (not yet connected). */
  public InMemoryRealtimeBackend newConnection() {
    InMemoryRealtimeBackend connection = new InMemoryRealtimeBackend(this);
    connections.add(connection);
    return connection;
  }

  /**
   * Publishes an event, as a server's HTTP trigger does, to every connected subscriber of {@code channel}.
   * Returns how many connections received it.
   */
  public int publish(String channel, String event, Object data) {
    return publish(channel, event, data, null);
  }

  /**
   * Publishes an event to every connected subscriber except the one with socket id {@code excludedSocketId}
   * (Pusher's {@code socket_id} exclusion, which is how a writer avoids receiving its own change).
   */
  public int publish(String channel, String event, Object data, String excludedSocketId) {
    return deliver(channel, event, data, excluded -> isExcluded(excluded, excludedSocketId));
  }

  /**
   * Relays a client event to the channel's other subscribers, stamped (on presence channels) with the sender's
   * presence user id, as the real service stamps {@code user_id}.
   */
  int relayClientEvent(String channel, String event, Object data, InMemoryRealtimeBackend sender) {
    String userId = channel.startsWith("presence-") ? sender.presenceId() : null;
    return deliver(channel, event, data, userId, other -> other == sender);
  }

  /** From now on, subscriptions to {@code channel} fail with {@code pusher:subscription_error} (status 403). */
  public void deny(String channel) {
    deniedChannels.add(channel);
  }

  /** How many connected clients are subscribed to {@code channel}. */
  public int subscriberCount(String channel) {
    int count = 0;
    for (InMemoryRealtimeBackend connection : connections) {
      if (connection.isSubscribedTo(channel)) {
        count++;
      }
    }
    return count;
  }

  /**
   * What {@code pusher:subscription_succeeded} carries on a presence channel, in pusher-js's shape:
   * {@code {members: {id: info}, count, myID, me: {id, info}}}.
   */
  Map<String, Object> presenceData(String channel, InMemoryRealtimeBackend me) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (InMemoryRealtimeBackend connection : connections) {
      if (connection.isSubscribedTo(channel)) {
        members.put(connection.presenceId(), connection.presenceInfo());
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("members", members);
    data.put("count", (double) members.size());
    data.put("myID", me.presenceId());
    data.put("me", member(me));
    return data;
  }

  /** Tells the channel's other members that {@code joiner}'s user arrived, unless it was there already. */
  void memberJoined(String channel, InMemoryRealtimeBackend joiner) {
    if (!userPresentElsewhere(channel, joiner)) {
      deliver(channel, "pusher:member_added", member(joiner), other -> other == joiner);
    }
  }

  /** Tells the remaining members that {@code leaver}'s user left, unless another of its connections stays. */
  void memberLeft(String channel, InMemoryRealtimeBackend leaver) {
    if (!userPresentElsewhere(channel, leaver)) {
      deliver(channel, "pusher:member_removed", member(leaver), other -> other == leaver);
    }
  }

  private boolean userPresentElsewhere(String channel, InMemoryRealtimeBackend connection) {
    for (InMemoryRealtimeBackend other : connections) {
      if (other != connection && other.isSubscribedTo(channel)
          && connection.presenceId().equals(other.presenceId())) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> member(InMemoryRealtimeBackend connection) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("id", connection.presenceId());
    member.put("info", connection.presenceInfo());
    return member;
  }

  /** Delivers a JSON copy of {@code data} to every subscriber the filter does not skip; returns how many. */
  private int deliver(String channel, String event, Object data, Predicate<InMemoryRealtimeBackend> skip) {
    return deliver(channel, event, data, null, skip);
  }

  private int deliver(String channel, String event, Object data, String userId,
      Predicate<InMemoryRealtimeBackend> skip) {
    String json = Json.stringify(data);
    int delivered = 0;
    for (InMemoryRealtimeBackend connection : new ArrayList<>(connections)) {
      if (connection.isSubscribedTo(channel) && !skip.test(connection)) {
        connection.deliver(channel, event, Json.parse(json), userId);
        delivered++;
      }
    }
    return delivered;
  }

  boolean isDenied(String channel) {
    return deniedChannels.contains(channel);
  }

  /** Socket ids look like Pusher's: two numbers joined by a dot. */
  String nextSocketId() {
    nextSocketNumber++;
    return nextSocketNumber + "." + (1000 + nextSocketNumber);
  }

  private static boolean isExcluded(InMemoryRealtimeBackend connection, String excludedSocketId) {
    return excludedSocketId != null && excludedSocketId.equals(connection.socketId());
  }
}
