package io.vertebra.channels.cluster;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.ClusterBus.Admission;
import io.vertebra.channels.channel.PresenceMember;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Presence shared through Redis: who is in each presence channel on which node, so member_added and
 * member_removed are announced once for the whole cluster, a new subscriber sees members of every node, and the
 * members of a node that died can be removed by the others. When Redis is unreachable every decision falls back
 * to this node's own roster, and {@link #reconcile} puts Redis right once it is back.
 */
final class RedisPresence {

  private final RedisClient redis;
  private final RedisKeys keys;
  private final String node;
  private final Publisher publisher;
  private final Map<Departure, Long> deferred = new ConcurrentHashMap<>();
  private volatile boolean stale;

  /** A user's departure from a presence channel, put off by {@link #deferLeave}. */
  record Departure(String channel, String userId) {}

  RedisPresence(RedisClient redis, RedisKeys keys, String node, Publisher publisher) {
    this.redis = redis;
    this.keys = keys;
    this.node = node;
    this.publisher = publisher;
  }

  /** Whether a decision was taken locally since the last {@link #reconcile}. */
  boolean isStale() {
    return stale;
  }

  Admission join(String channel, PresenceMember member, int maxMembers, int localMembers) {
    deferred.remove(new Departure(channel, member.userId())); // back before its grace ran out
    Long result = redis.call("presence join", p -> (Long) p.eval(PresenceScripts.JOIN,
        List.of(keys.members(channel), keys.users(channel), keys.nodePresence(node)),
        List.of(RedisKeys.memberField(node, member.userId()), member.userId(), info(member), "" + maxMembers,
            channel)), () -> null);
    if (result == null) {
      stale = true;
      return localMembers >= maxMembers ? Admission.FULL : Admission.NEW_MEMBER;
    }
    if (result == 1) {
      publisher.publish(ClusterMessage.memberAdded(node, channel, member.userId(), member.userInfo()));
      return Admission.NEW_MEMBER;
    }
    return result == 0 ? Admission.KNOWN_MEMBER : Admission.FULL;
  }

  boolean leave(String channel, String userId, boolean channelEmptyHere) {
    Long result = unregister(channel, userId, channelEmptyHere);
    if (result == null) {
      stale = true;
      return true;
    }
    if (result == 1) {
      publisher.publish(ClusterMessage.memberRemoved(node, channel, userId));
    }
    return result != 0;
  }

  /**
   * The user's last connection here left {@code channel} because this node closed it for its client to re-fetch
   * ({@link ClientResync}): the user stays registered for {@value ClientResync#REJOIN_GRACE_MILLIS} ms, so its
   * reconnection (here or on another node) is neither a departure nor an arrival for anyone.
   * {@link #dueDepartures} hands the departure back afterwards.
   */
  void deferLeave(String channel, String userId) {
    deferred.put(new Departure(channel, userId),
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ClientResync.REJOIN_GRACE_MILLIS));
  }

  /** The put-off departures whose grace has run out, forgotten here: the caller completes them. */
  List<Departure> dueDepartures() {
    long now = System.nanoTime();
    List<Departure> due = new ArrayList<>();
    deferred.forEach((departure, deadline) -> {
      if (now - deadline >= 0 && deferred.remove(departure, deadline)) {
        due.add(departure);
      }
    });
    return due;
  }

  /** Tells the other nodes that {@code userId} left {@code channel} (found by reaping a node). */
  void announceRemoved(String channel, String userId) {
    publisher.publish(ClusterMessage.memberRemoved(node, channel, userId));
  }

  private Long unregister(String channel, String userId, boolean channelEmptyHere) {
    return redis.call("presence leave", p -> (Long) p.eval(PresenceScripts.LEAVE,
        List.of(keys.members(channel), keys.users(channel), keys.nodePresence(node)),
        List.of(RedisKeys.memberField(node, userId), userId, channel, channelEmptyHere ? "1" : "0")), () -> null);
  }

  /**
   * The members registered in {@code channel} on any node (userId → user_info), or null when Redis is down. This
   * node's own include users whose departure is put off ({@link #deferLeave}).
   */
  Map<String, JsonNode> members(String channel) {
    Map<String, String> fields = redis.call("presence members", p -> p.hgetAll(keys.members(channel)), () -> null);
    if (fields == null) {
      return null;
    }
    Map<String, JsonNode> members = new LinkedHashMap<>();
    fields.forEach((field, info) -> members.putIfAbsent(field.substring(field.indexOf('|') + 1), parse(info)));
    return members;
  }

  /**
   * Removes every member {@code deadNode} held, reporting each user who thereby left the cluster to
   * {@code gone} (channel, userId).
   */
  void reap(String deadNode, BiConsumer<String, String> gone) {
    Set<String> channels = redis.call("reap", p -> p.smembers(keys.nodePresence(deadNode)), Set::of);
    for (String channel : channels) {
      @SuppressWarnings("unchecked")
      List<String> users = redis.call("reap", p -> (List<String>) p.eval(PresenceScripts.REAP,
          List.of(keys.members(channel), keys.users(channel)), List.of(deadNode)), List::of);
      users.forEach(user -> gone.accept(channel, user));
    }
    redis.run("reap", p -> p.del(keys.nodePresence(deadNode), keys.nodeSubscriptions(deadNode)));
  }

  /**
   * Makes Redis agree with this node's rosters after an outage or a restart of Redis: registers local members it
   * lacks (announcing users new to the cluster) and removes registrations of users no longer here.
   */
  boolean reconcile(ChannelRegistry registry) {
    stale = false;
    for (Channel channel : registry.occupiedChannels("presence-")) {
      synchronized (channel.roster()) { // no join or leave of this channel meanwhile
        for (PresenceMember member : channel.roster().members()) {
          join(channel.name(), member, Integer.MAX_VALUE, 0);
        }
      }
    }
    Set<String> registered = redis.call("reconcile", p -> p.smembers(keys.nodePresence(node)), () -> null);
    if (registered == null) {
      stale = true;
      return false;
    }
    for (String channelName : registered) {
      removeDeparted(registry, channelName);
    }
    return !stale;
  }

  private void removeDeparted(ChannelRegistry registry, String channelName) {
    Map<String, String> fields = redis.call("reconcile", p -> p.hgetAll(keys.members(channelName)), Map::of);
    String prefix = node + "|";
    for (String field : fields.keySet()) {
      if (!field.startsWith(prefix)) {
        continue;
      }
      String userId = field.substring(prefix.length());
      if (deferred.containsKey(new Departure(channelName, userId))) {
        continue; // a departure put off for a rejoin
      }
      Channel channel = registry.find(channelName);
      if (channel == null) {
        leave(channelName, userId, true);
        continue;
      }
      synchronized (channel.roster()) {
        if (!channel.roster().contains(userId)) {
          leave(channelName, userId, channel.roster().size() == 0);
        }
      }
    }
  }

  private static String info(PresenceMember member) {
    return member.userInfo() == null ? "null" : Frames.stringify(member.userInfo());
  }

  private static JsonNode parse(String info) {
    try {
      return Frames.JSON.readTree(info);
    } catch (JacksonException e) {
      return Frames.JSON.nullNode();
    }
  }
}
