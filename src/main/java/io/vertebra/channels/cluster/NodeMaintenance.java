package io.vertebra.channels.cluster;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The node's housekeeping in Redis, run on one timer thread: the heartbeat that keeps this node alive in the
 * cluster's eyes (a key expiring after {@value #NODE_TTL_MILLIS} ms unless renewed every
 * {@value #HEARTBEAT_MILLIS} ms, with a new value each time so a starting node can tell a live key from a dead
 * one), reaping nodes whose key expired (their presence members are removed and announced, so a crashed node
 * leaves no ghost members), publishing this node's subscription counts for the HTTP API and the other nodes
 * (and forgetting those of a dead node, {@link RemoteSubscriptions}), re-registering everything
 * after Redis lost it (restart) or this node lost Redis (outage), and then telling the other nodes which channels'
 * messages it had to drop.
 */
final class NodeMaintenance {

  static final long HEARTBEAT_MILLIS = 1_000;
  static final long NODE_TTL_MILLIS = 5_000;
  static final long FLUSH_MILLIS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(NodeMaintenance.class);

  /** The other registered instances, by whether their liveness key still exists. */
  private record Peers(Set<String> alive, List<String> dead) {}

  private final RedisClient redis;
  private final RedisKeys keys;
  private final String node;
  private final RedisPresence presence;
  private final Publisher publisher;
  private final RemoteSubscriptions remote;
  private final Set<String> changedChannels = ConcurrentHashMap.newKeySet();
  private final Set<String> twinsReported = ConcurrentHashMap.newKeySet();
  private volatile boolean resyncDue = true;
  private volatile Set<String> livePeers = Set.of();
  private ChannelsApp app;

  NodeMaintenance(RedisClient redis, RedisKeys keys, String node, RedisPresence presence, Publisher publisher,
      RemoteSubscriptions remote) {
    this.redis = redis;
    this.keys = keys;
    this.node = node;
    this.presence = presence;
    this.publisher = publisher;
    this.remote = remote;
  }

  void attach(ChannelsApp app) {
    this.app = app;
  }

  /** Redis may have lost this node's state (reconnected): re-register everything on the next beat. */
  void resyncDue() {
    resyncDue = true;
  }

  /** The local subscription count of {@code channel} changed; published on the next flush. */
  void changed(String channel) {
    changedChannels.add(channel);
  }

  /** The other live instances as of the last successful heartbeat (what was there before an outage). */
  Set<String> livePeers() {
    return livePeers;
  }

  /**
   * The other live instances registered now, once this node itself is registered again after an outage; null
   * while it is not (or Redis does not answer). A peer registers after re-registering its presence members, so a
   * registered peer's members are in Redis.
   */
  Set<String> registeredPeers() {
    if (resyncDue || presence.isStale() || !redis.isUp()) {
      return null;
    }
    Peers peers = peers();
    return peers == null ? null : peers.alive();
  }

  /** One heartbeat: re-register when due, else renew this node's key, then reap dead nodes. */
  void beat() {
    if (!redis.isUp()) {
      return;
    }
    if (resyncDue || presence.isStale()) {
      resyncDue = false;
      if (!resync()) {
        resyncDue = true;
        return;
      }
    } else if (!renew()) {
      return;
    }
    publisher.announceMissed();
    reapDeadNodes();
  }

  private boolean renew() {
    Boolean wasKnown = redis.call("heartbeat", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        pipeline.set(keys.alive(node), beatValue(), SetParams.setParams().px(NODE_TTL_MILLIS));
        Response<Long> added = pipeline.sadd(keys.nodes(), node);
        pipeline.sync();
        return added.get() == 0;
      }
    }, () -> null);
    if (wasKnown != null && !wasKnown) {
      resyncDue = true; // Redis forgot this node (restarted) or another node reaped it (we were silent too long)
    }
    return wasKnown != null;
  }

  /** A new value at every beat: a starting node with the same id sees it change while this node lives. */
  private static String beatValue() {
    return Long.toString(System.currentTimeMillis());
  }

  /** Presence first, then the registration: once others see this node registered, its members are in Redis. */
  private boolean resync() {
    changedChannels.clear();
    Map<String, String> counts = new HashMap<>();
    for (Channel c : app.channels().occupiedChannels(null)) {
      counts.put(c.name(), Integer.toString(c.subscriptionCount()));
    }
    boolean registered = presence.reconcile(app.channels()) && redis.run("register", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        pipeline.set(keys.alive(node), beatValue(), SetParams.setParams().px(NODE_TTL_MILLIS));
        pipeline.sadd(keys.nodes(), node);
        pipeline.del(keys.nodeSubscriptions(node));
        if (!counts.isEmpty()) {
          pipeline.hset(keys.nodeSubscriptions(node), counts);
        }
        pipeline.sync();
      }
    });
    if (registered && countsShared()) {
      Map<String, Integer> all = new HashMap<>();
      counts.forEach((channel, count) -> all.put(channel, Integer.parseInt(count)));
      if (!all.isEmpty()) {
        publisher.publish(ClusterMessage.subscriptions(node, all)); // whatever others missed meanwhile
      }
      reloadRemoteCounts();
    }
    return registered;
  }

  /** Whether subscribers hear subscription counts: only then do the nodes tell each other theirs. */
  private boolean countsShared() {
    return app.channels().subscriptionCounts().enabled();
  }

  /** Reads every live peer's subscription counts (after this node (re-)registered: messages may be lost). */
  private void reloadRemoteCounts() {
    Peers peers = peers();
    if (peers == null) {
      return;
    }
    Map<String, Map<String, Integer>> live = redis.call("subscription counts", p -> {
      Map<String, Map<String, Integer>> result = new HashMap<>();
      try (Pipeline pipeline = p.pipelined()) {
        Map<String, Response<Map<String, String>>> hashes = new HashMap<>();
        peers.alive().forEach(other -> hashes.put(other, pipeline.hgetAll(keys.nodeSubscriptions(other))));
        pipeline.sync();
        hashes.forEach((other, hash) -> {
          Map<String, Integer> counts = new HashMap<>();
          hash.get().forEach((channel, count) -> counts.put(channel, Integer.parseInt(count)));
          result.put(other, counts);
        });
      }
      return result;
    }, () -> null);
    if (live != null) {
      tellSubscribers(remote.replaceAll(live), false);
    }
  }

  private void tellSubscribers(Set<String> channels, boolean webhook) {
    channels.forEach(c -> app.channels().subscriptionCounts().changedElsewhere(c, app.channels(), webhook));
  }

  /** Publishes the subscription counts that changed since the last flush, in one round trip. */
  void flush() {
    if (changedChannels.isEmpty() || !redis.isUp() || resyncDue) {
      return;
    }
    List<String> batch = new ArrayList<>(changedChannels);
    changedChannels.removeAll(batch);
    Map<String, Integer> counts = new HashMap<>();
    boolean ok = redis.run("subscription counts", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        for (String name : batch) {
          Channel channel = app.channels().find(name);
          if (channel == null) {
            pipeline.hdel(keys.nodeSubscriptions(node), name);
            counts.put(name, 0);
          } else {
            pipeline.hset(keys.nodeSubscriptions(node), name, Integer.toString(channel.subscriptionCount()));
            counts.put(name, channel.subscriptionCount());
          }
        }
        pipeline.sync();
      }
    });
    if (!ok) {
      resyncDue = true; // rewritten in full once Redis is back
    } else if (countsShared() && !publisher.publish(ClusterMessage.subscriptions(node, counts))) {
      resyncDue = true; // sent in full at the re-registration
    }
  }

  private void reapDeadNodes() {
    Peers peers = peers();
    if (peers == null) {
      return;
    }
    livePeers = peers.alive();
    reportTwins(peers.alive());
    Set<String> reaped = new HashSet<>();
    for (String dead : peers.dead()) {
      Long claimed = redis.call("reap", p -> p.srem(keys.nodes(), dead), () -> 0L);
      if (claimed == 1) { // exactly one surviving node cleans up after each dead one
        reaped.add(dead);
        Set<String> channels = new TreeSet<>();
        int[] members = new int[1];
        presence.reap(dead, (channel, userId) -> {
          channels.add(channel);
          members[0]++;
          departed(channel, userId);
        });
        LOG.warn("Node {} stopped renewing its liveness key (crashed or cut off from Redis for {} s): removed its "
            + "{} presence member(s) from {}", dead, NODE_TTL_MILLIS / 1000, members[0],
            channels.isEmpty() ? "no channel" : channels);
      }
    }
    for (String gone : remote.nodes()) {
      if (!peers.alive().contains(gone)) { // its subscribers are gone: the reaper sends the webhook
        tellSubscribers(remote.forget(gone), reaped.contains(gone));
      }
    }
  }

  /** The other registered instances, alive or dead; null when Redis does not answer. */
  private Peers peers() {
    return redis.call("peers", p -> {
      List<String> others = new ArrayList<>(p.smembers(keys.nodes()));
      others.remove(node);
      Set<String> alive = new HashSet<>();
      List<String> dead = new ArrayList<>();
      try (Pipeline pipeline = p.pipelined()) {
        List<Response<Boolean>> exists = new ArrayList<>();
        others.forEach(other -> exists.add(pipeline.exists(keys.alive(other))));
        pipeline.sync();
        for (int i = 0; i < others.size(); i++) {
          (exists.get(i).get() ? alive : dead).add(others.get(i));
        }
      }
      return new Peers(alive, dead);
    }, () -> null);
  }

  /** Another live instance with this node's id: harmless (instances are distinct), but say so, once each. */
  private void reportTwins(Set<String> alive) {
    String nodeId = NodeInstance.nodeIdOf(node);
    for (String other : alive) {
      if (NodeInstance.nodeIdOf(other).equals(nodeId) && twinsReported.add(other)) {
        LOG.error("Another running node uses CHANNELS_NODE_ID '{}' (instances {} and {}): give every node its "
            + "own id", nodeId, node, other);
      }
    }
  }

  /**
   * Completes the departures put off for a rejoin ({@link RedisPresence#deferLeave}) of the users who did not come
   * back to this node: removed and announced like any departure, unless another node holds the user now.
   */
  void completeDepartures() {
    for (RedisPresence.Departure departure : presence.dueDepartures()) {
      String channel = departure.channel();
      String userId = departure.userId();
      Channel local = app.channels().find(channel);
      if (local == null) {
        if (presence.leave(channel, userId, true)) {
          app.listener().memberRemoved(channel, userId);
        }
        continue;
      }
      synchronized (local.roster()) { // no rejoin meanwhile
        if (!local.roster().contains(userId) && presence.leave(channel, userId, local.roster().size() == 0)) {
          local.remoteMemberRemoved(userId);
          app.listener().memberRemoved(channel, userId);
        }
      }
    }
  }

  /** A user left the cluster with a dead or departing node: tell local subscribers, other nodes and webhooks. */
  private void departed(String channel, String userId) {
    Channel local = app.channels().find(channel);
    if (local != null) {
      local.remoteMemberRemoved(userId);
    }
    presence.announceRemoved(channel, userId);
    app.listener().memberRemoved(channel, userId);
  }

  /** This node stops: removes its members (announcing departures) and its registration. */
  void leaveCluster() {
    if (!redis.isUp()) {
      return;
    }
    presence.reap(node, this::departed);
    redis.run("deregister", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        pipeline.srem(keys.nodes(), node);
        pipeline.del(keys.alive(node), keys.nodeSubscriptions(node), keys.nodePresence(node));
        pipeline.sync();
      }
    });
  }
}
