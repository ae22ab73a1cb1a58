package io.vertebra.channels.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The occupied channels of this node. A channel exists while it has subscribers: it is created by the first
 * subscription and dropped with the last, atomically per channel name (never a registry-wide lock). Presence
 * decisions go through the {@link ClusterBus}, which is this node alone unless clustering is configured. As a
 * {@link ChannelDirectory} it answers for this node only.
 */
public final class ChannelRegistry implements ChannelDirectory {

  private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
  private final ChannelListener listener;
  private final ClusterBus cluster;
  private final SubscriptionCounts counts;

  /** A single-node registry reporting occupancy and presence changes to {@code listener}. */
  public ChannelRegistry(ChannelListener listener) {
    this(listener, ClusterBus.SINGLE_NODE, SubscriptionCounts.OFF);
  }

  /** A registry whose presence decisions and subscription counts are shared through {@code cluster}. */
  public ChannelRegistry(ChannelListener listener, ClusterBus cluster) {
    this(listener, cluster, SubscriptionCounts.OFF);
  }

  /**
   * A registry whose presence decisions and subscription counts are shared through {@code cluster}, and which
   * tells subscribers their channels' subscription counts through {@code counts} (when enabled).
   */
  public ChannelRegistry(ChannelListener listener, ClusterBus cluster, SubscriptionCounts counts) {
    this.listener = listener;
    this.cluster = cluster;
    this.counts = counts;
  }

  /** Subscribes to a public, private or user channel and confirms it to the subscriber. */
  public void subscribe(String name, Subscriber subscriber) {
    boolean[] created = new boolean[1];
    channels.compute(name, (k, existing) -> {
      Channel channel = existing != null ? existing : new Channel(k);
      created[0] = existing == null;
      channel.subscribe(subscriber);
      return channel;
    });
    cluster.subscriptionsChanged(name);
    if (created[0]) {
      listener.channelOccupied(name);
    }
    counts.changed(name, this);
  }

  /**
   * Subscribes to a presence channel as {@code member}; returns null on success or why it was refused (channel
   * full). The confirmation carries the roster; other members learn of a new user.
   */
  public String subscribePresence(String name, Subscriber subscriber, PresenceMember member, int maxMembers) {
    boolean[] created = new boolean[1];
    Channel.PresenceJoin[] join = new Channel.PresenceJoin[1];
    channels.compute(name, (k, existing) -> {
      Channel channel = existing != null ? existing : new Channel(k);
      created[0] = existing == null;
      join[0] = channel.subscribePresence(subscriber, member, maxMembers, cluster);
      return channel.isEmpty() ? null : channel;
    });
    if (join[0].refusal() != null) {
      return join[0].refusal();
    }
    cluster.subscriptionsChanged(name);
    if (created[0]) {
      listener.channelOccupied(name);
    }
    if (join[0].newToCluster()) {
      listener.memberAdded(name, member.userId());
    }
    return null;
  }

  /** Unsubscribes a connection; announces a presence departure first; drops the channel when it empties. */
  public void unsubscribe(String name, String socketId) {
    Channel current = channels.get(name);
    if (current == null) {
      return;
    }
    String gone = current.leavePresence(socketId, cluster);
    boolean[] vacated = new boolean[1];
    boolean[] removed = new boolean[1];
    channels.computeIfPresent(name, (k, channel) -> {
      removed[0] = channel.remove(socketId);
      vacated[0] = channel.isEmpty();
      return vacated[0] ? null : channel;
    });
    cluster.subscriptionsChanged(name);
    if (gone != null) {
      listener.memberRemoved(name, gone);
    }
    if (vacated[0]) {
      listener.channelVacated(name);
    }
    if (removed[0]) {
      counts.changed(name, this);
    }
  }

  /** The channel called {@code name} if occupied, else null. */
  public Channel find(String name) {
    return channels.get(name);
  }

  /** The occupied channels whose names start with {@code prefix} (all when null or empty). */
  public List<Channel> occupiedChannels(String prefix) {
    List<Channel> result = new ArrayList<>();
    for (Channel c : channels.values()) {
      if (prefix == null || c.name().startsWith(prefix)) {
        result.add(c);
      }
    }
    return result;
  }

  @Override
  public Map<String, ChannelSummary> occupied(String prefix) {
    Map<String, ChannelSummary> result = new LinkedHashMap<>();
    for (Channel c : occupiedChannels(prefix)) {
      result.put(c.name(), c.summary());
    }
    return result;
  }

  @Override
  public ChannelSummary summary(String name) {
    Channel channel = channels.get(name);
    return channel == null ? null : channel.summary();
  }

  @Override
  public List<String> userIds(String name) {
    Channel channel = channels.get(name);
    return channel == null || channel.roster() == null ? List.of() : channel.roster().userIds();
  }

  /** Number of occupied channels. */
  public int size() {
    return channels.size();
  }

  /** How subscribers are told their channels' subscription counts (for metrics). */
  public SubscriptionCounts subscriptionCounts() {
    return counts;
  }
}
