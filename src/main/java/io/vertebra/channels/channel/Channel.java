package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.protocol.Frames;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One channel: its subscribers and, for presence channels, its roster.
 * Broadcasting walks a concurrent map without locking, so a trigger on one channel never waits for another and
 * a slow subscriber never delays the rest (its {@link Subscriber#send} only queues).
 */
public final class Channel {

  private final String name;
  private final ChannelType type;
  private final boolean cache;
  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final PresenceRoster roster;

  /** A new, empty channel called {@code name}. */
  public Channel(String name) {
    this.name = name;
    this.type = ChannelType.of(name);
    this.cache = ChannelNames.isCache(name);
    this.roster = type == ChannelType.PRESENCE ? new PresenceRoster() : null;
  }

  /** The channel name. */
  public String name() {
    return name;
  }

  /** The channel kind. */
  public ChannelType type() {
    return type;
  }

  /** Whether this is a cache channel. */
  public boolean isCache() {
    return cache;
  }

  /** The presence roster, or null when this is not a presence channel. */
  public PresenceRoster roster() {
    return roster;
  }

  /** Number of subscribed connections. */
  public int subscriptionCount() {
    return subscribers.size();
  }

  /** Whether no connection is subscribed. */
  public boolean isEmpty() {
    return subscribers.isEmpty();
  }

  /** Whether the connection with {@code socketId} is subscribed. */
  public boolean hasSubscriber(String socketId) {
    return subscribers.containsKey(socketId);
  }

  /** The subscribers (a live, weakly consistent view). */
  public Collection<Subscriber> subscribers() {
    return subscribers.values();
  }

  /**
   * Adds a subscriber to a non-presence channel and confirms the subscription to it. Added before confirming: a
   * client that acts on the confirmation (e.g. asks another to send a client event) must already be reachable.
   */
  void subscribe(Subscriber subscriber) {
    subscribers.put(subscriber.socketId(), subscriber);
    subscriber.send(Frames.subscriptionSucceeded(name, Frames.JSON.createObjectNode()));
  }

  /** The outcome of a presence subscription: refused (with why), or joined (announced as a new member or not). */
  record PresenceJoin(String refusal, boolean firstConnection) {}

  /**
   * Adds a presence subscriber: confirms with the roster (including itself) and announces the user to the others
   * when the cluster (or, alone, this node) has not seen it yet.
   */
  PresenceJoin subscribePresence(Subscriber subscriber, PresenceMember member, int maxMembers,
      ClusterBus cluster) {
    synchronized (roster) {
      boolean announce = false;
      if (!roster.contains(member.userId())) {
        ClusterBus.Admission admission = cluster.join(name, member, maxMembers, roster.size());
        if (admission == ClusterBus.Admission.FULL) {
          return new PresenceJoin("Presence channel " + name + " is full (" + maxMembers + " members)", false);
        }
        announce = admission == ClusterBus.Admission.NEW_MEMBER;
      }
      roster.join(subscriber.socketId(), member);
      subscribers.put(subscriber.socketId(), subscriber); // reachable before confirmed, as in subscribe()
      ObjectNode data = Frames.JSON.createObjectNode();
      data.set("presence", cluster.presenceSnapshot(name, roster));
      subscriber.send(Frames.subscriptionSucceeded(name, data));
      if (announce) {
        broadcast(Frames.memberAdded(name, member.userId(), member.userInfo()), subscriber.socketId());
      }
      return new PresenceJoin(null, announce);
    }
  }

  /**
   * Removes a subscriber from the roster; returns the user id when the user left for good (its last connection
   * here, and the cluster knows it nowhere else), after announcing it.
   */
  String leavePresence(String socketId, ClusterBus cluster) {
    if (roster == null) {
      return null;
    }
    synchronized (roster) {
      String gone = roster.leave(socketId);
      if (gone == null || !cluster.leave(name, gone, roster.size() == 0)) {
        return null;
      }
      broadcast(Frames.memberRemoved(name, gone), socketId);
      return gone;
    }
  }

  /** Another node announced a new member: tell this node's subscribers unless the user is also here. */
  public void remoteMemberAdded(PresenceMember member) {
    if (roster == null) {
      return;
    }
    synchronized (roster) {
      if (!roster.contains(member.userId())) {
        broadcast(Frames.memberAdded(name, member.userId(), member.userInfo()), null);
      }
    }
  }

  /** Another node announced a departure: tell this node's subscribers unless the user is still connected here. */
  public void remoteMemberRemoved(String userId) {
    if (roster == null) {
      return;
    }
    synchronized (roster) {
      if (!roster.contains(userId)) {
        broadcast(Frames.memberRemoved(name, userId), null);
      }
    }
  }

  /** This channel's share of the HTTP API's answers. */
  public ChannelSummary summary() {
    return new ChannelSummary(subscriptionCount(), roster == null ? 0 : roster.size());
  }

  /** Removes a subscriber; true if it was subscribed. */
  boolean remove(String socketId) {
    return subscribers.remove(socketId) != null;
  }

  /** Queues {@code frame} for every subscriber except {@code exceptSocketId} (may be null); returns how many. */
  public int broadcast(String frame, String exceptSocketId) {
    int queued = 0;
    for (Subscriber s : subscribers.values()) {
      if (!s.socketId().equals(exceptSocketId)) {
        s.send(frame);
        queued++;
      }
    }
    return queued;
  }
}
