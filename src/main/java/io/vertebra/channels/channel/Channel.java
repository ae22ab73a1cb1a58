package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.protocol.OutgoingFrame;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One channel: its subscribers and, for presence channels, its roster and what its subscribers were told about
 * members other nodes of a cluster hold.
 * Broadcasting walks a concurrent map without locking, so a trigger on one channel never waits for another and
 * a slow subscriber never delays the rest (its {@link Subscriber#send} only queues).
 */
public final class Channel {

  /**
   * Subscribers from which a broadcast is shared with the common fork-join pool (in batches of at least this many,
   * at most four per pool thread). A delivery is a socket write of 10-20 us and a fork a few us, so a batch of 128
   * is worth handing to another core. With one core there is no other core: the calling thread does it all.
   */
  static final long PARALLEL_FROM = Runtime.getRuntime().availableProcessors() > 1 ? 128 : Long.MAX_VALUE;

  private final String name;
  private final ChannelType type;
  private final boolean cache;
  private final ConcurrentHashMap<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final PresenceRoster roster;
  private final RemoteMembers remote;

  /** A new, empty channel called {@code name}. */
  public Channel(String name) {
    this.name = name;
    this.type = ChannelType.of(name);
    this.cache = ChannelNames.isCache(name);
    this.roster = type == ChannelType.PRESENCE ? new PresenceRoster() : null;
    this.remote = type == ChannelType.PRESENCE ? new RemoteMembers() : null;
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
    subscriber.send(Frames.subscriptionSucceeded(name));
  }

  /**
   * The outcome of a presence subscription: refused (with why), or joined; {@code newToCluster} when the user
   * was in the channel nowhere before (the member_added webhook is due, once for the cluster).
   */
  record PresenceJoin(String refusal, boolean newToCluster) {}

  /**
   * Adds a presence subscriber: confirms with every member (this node's and, clustered, the others'), including
   * itself, and announces the user to the subscribers here that were not told of it yet. First, the view of the
   * cluster's members is brought up to date, telling the subscribers already here what changed.
   */
  PresenceJoin subscribePresence(Subscriber subscriber, PresenceMember member, int maxMembers,
      ClusterBus cluster) {
    synchronized (roster) {
      refreshRemote(cluster); // before joining: whether the cluster held the user already
      boolean firstHere = !roster.contains(member.userId());
      boolean announce = firstHere && !remote.contains(member.userId());
      boolean newToCluster = false;
      if (firstHere) {
        ClusterBus.Admission admission = cluster.join(name, member, maxMembers, roster.size());
        if (admission == ClusterBus.Admission.FULL) {
          return new PresenceJoin("Presence channel " + name + " is full (" + maxMembers + " members)", false);
        }
        newToCluster = admission == ClusterBus.Admission.NEW_MEMBER;
      }
      roster.join(subscriber.socketId(), member);
      subscribers.put(subscriber.socketId(), subscriber); // reachable before confirmed, as in subscribe()
      ObjectNode data = Frames.JSON.createObjectNode();
      data.set("presence", remote.addTo(roster.snapshot(), roster));
      subscriber.send(Frames.subscriptionSucceeded(name, data));
      if (announce) {
        broadcast(Frames.memberAdded(name, member.userId(), member.userInfo()), subscriber.socketId());
      }
      return new PresenceJoin(null, newToCluster);
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
      String userId = roster.userOf(socketId);
      PresenceMember member = userId == null ? null : roster.member(userId);
      String gone = roster.leave(socketId);
      if (gone == null) {
        return null;
      }
      if (!cluster.leave(name, gone, socketId, roster.size() == 0)) {
        remote.add(member); // still in the channel elsewhere (or soon back): subscribers here keep listing it
        return null;
      }
      remote.remove(gone);
      broadcast(Frames.memberRemoved(name, gone), socketId);
      return gone;
    }
  }

  /** Another node announced a new member: tell this node's subscribers unless they know the user already. */
  public void remoteMemberAdded(PresenceMember member) {
    if (roster == null) {
      return;
    }
    synchronized (roster) {
      if (remote.add(member) && !roster.contains(member.userId())) {
        broadcast(Frames.memberAdded(name, member.userId(), member.userInfo()), null);
      }
    }
  }

  /** Another node announced a departure: tell this node's subscribers if they knew the user only from there. */
  public void remoteMemberRemoved(String userId) {
    if (roster == null) {
      return;
    }
    synchronized (roster) {
      if (remote.remove(userId) && !roster.contains(userId)) {
        broadcast(Frames.memberRemoved(name, userId), null);
      }
    }
  }

  /**
   * Compares what this node's subscribers were told about other nodes' members with what the cluster holds now,
   * and announces the difference (members that came or went while announcements were lost, e.g. during a Redis
   * outage). Does nothing when the cluster cannot say.
   */
  public void refreshRemoteMembers(ClusterBus cluster) {
    if (roster == null) {
      return;
    }
    synchronized (roster) {
      refreshRemote(cluster);
    }
  }

  private void refreshRemote(ClusterBus cluster) {
    ClusterBus.PresenceMembers now = cluster.presenceMembers(name);
    if (now == null) {
      return;
    }
    RemoteMembers.Changes changes = remote.update(now.members(), now.complete());
    for (PresenceMember added : changes.added()) {
      if (!roster.contains(added.userId())) {
        broadcast(Frames.memberAdded(name, added.userId(), added.userInfo()), null);
      }
    }
    for (String removed : changes.removed()) {
      if (!roster.contains(removed)) {
        broadcast(Frames.memberRemoved(name, removed), null);
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

  /**
   * Queues {@code frame} for every subscriber except {@code exceptSocketId} (may be null); returns how many. The
   * frame is encoded once and the same bytes go to every subscriber. A large channel is fanned out by this thread
   * and the common fork-join pool together, and this returns when every subscriber has the frame queued, so two
   * broadcasts made one after the other still reach each subscriber in that order.
   */
  public int broadcast(String frame, String exceptSocketId) {
    if (subscribers.isEmpty()) {
      return 0;
    }
    // Off-heap bytes pay for themselves once several sockets write them (no copy per write); for one or two
    // subscribers a plain heap frame is cheaper than allocating direct memory.
    OutgoingFrame shared = subscribers.size() > 2 ? OutgoingFrame.shared(frame) : OutgoingFrame.of(frame);
    return (int) subscribers.reduceValuesToLong(PARALLEL_FROM, s -> {
      if (s.socketId().equals(exceptSocketId)) {
        return 0;
      }
      s.send(shared);
      return 1;
    }, 0, Long::sum);
  }
}
