package io.vertebra.channels.cluster;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.ClusterBus.Admission;
import io.vertebra.channels.channel.PresenceMember;
import io.vertebra.channels.channel.PresenceRoster;
import io.vertebra.channels.protocol.Frames;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private volatile boolean stale;

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

  /** Tells the other nodes that {@code userId} left {@code channel} (found by reaping a node). */
  void announceRemoved(String channel, String userId) {
    publisher.publish(ClusterMessage.memberRemoved(node, channel, userId));
  }

  private Long unregister(String channel, String userId, boolean channelEmptyHere) {
    return redis.call("presence leave", p -> (Long) p.eval(PresenceScripts.LEAVE,
        List.of(keys.members(channel), keys.users(channel), keys.nodePresence(node)),
        List.of(RedisKeys.memberField(node, userId), userId, channel, channelEmptyHere ? "1" : "0")), () -> null);
  }

  /** This node's roster plus the members other nodes registered (this node's roster alone without Redis). */
  ObjectNode snapshot(String channel, PresenceRoster localRoster) {
    ObjectNode presence = localRoster.snapshot();
    Map<String, String> all = redis.call("presence members", p -> p.hgetAll(keys.members(channel)), Map::of);
    ArrayNode ids = (ArrayNode) presence.get("ids");
    ObjectNode hash = (ObjectNode) presence.get("hash");
    all.forEach((field, info) -> {
      String userId = field.substring(field.indexOf('|') + 1);
      if (!hash.has(userId)) {
        ids.add(userId);
        hash.set(userId, parse(info));
      }
    });
    presence.put("count", ids.size());
    return presence;
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
