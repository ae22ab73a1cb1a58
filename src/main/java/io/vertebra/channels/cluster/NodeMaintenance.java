package io.vertebra.channels.cluster;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The node's housekeeping in Redis, run on one timer thread: the heartbeat that keeps this node alive in the
 * cluster's eyes (a key expiring after {@value #NODE_TTL_MILLIS} ms unless renewed every
 * {@value #HEARTBEAT_MILLIS} ms), reaping nodes whose key expired (their presence members are removed and
 * announced, so a crashed node leaves no ghost members), publishing this node's subscription counts for the HTTP
 * API, and re-registering everything after Redis lost it (restart) or this node lost Redis (outage).
 */
final class NodeMaintenance {

  static final long HEARTBEAT_MILLIS = 1_000;
  static final long NODE_TTL_MILLIS = 5_000;
  static final long FLUSH_MILLIS = 200;

  private final RedisClient redis;
  private final RedisKeys keys;
  private final String node;
  private final RedisPresence presence;
  private final Set<String> changedChannels = ConcurrentHashMap.newKeySet();
  private volatile boolean resyncDue = true;
  private ChannelsApp app;

  NodeMaintenance(RedisClient redis, RedisKeys keys, String node, RedisPresence presence) {
    this.redis = redis;
    this.keys = keys;
    this.node = node;
    this.presence = presence;
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

  /** One heartbeat: re-register when due, else renew this node's key, then reap dead nodes. */
  void beat() {
    if (!redis.isUp()) {
      return;
    }
    if (resyncDue || presence.isStale()) {
      resyncDue = false;
      if (!resync()) {
        resyncDue = true;
      }
    } else if (!renew()) {
      return;
    }
    reapDeadNodes();
  }

  private boolean renew() {
    Boolean wasKnown = redis.call("heartbeat", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        pipeline.set(keys.alive(node), "1", SetParams.setParams().px(NODE_TTL_MILLIS));
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

  private boolean resync() {
    changedChannels.clear();
    Map<String, String> counts = new HashMap<>();
    for (Channel c : app.channels().occupiedChannels(null)) {
      counts.put(c.name(), Integer.toString(c.subscriptionCount()));
    }
    boolean registered = redis.run("register", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        pipeline.set(keys.alive(node), "1", SetParams.setParams().px(NODE_TTL_MILLIS));
        pipeline.sadd(keys.nodes(), node);
        pipeline.del(keys.nodeSubscriptions(node));
        if (!counts.isEmpty()) {
          pipeline.hset(keys.nodeSubscriptions(node), counts);
        }
        pipeline.sync();
      }
    });
    return registered && presence.reconcile(app.channels());
  }

  /** Publishes the subscription counts that changed since the last flush, in one round trip. */
  void flush() {
    if (changedChannels.isEmpty() || !redis.isUp() || resyncDue) {
      return;
    }
    List<String> batch = new ArrayList<>(changedChannels);
    changedChannels.removeAll(batch);
    boolean ok = redis.run("subscription counts", p -> {
      try (Pipeline pipeline = p.pipelined()) {
        for (String name : batch) {
          Channel channel = app.channels().find(name);
          if (channel == null) {
            pipeline.hdel(keys.nodeSubscriptions(node), name);
          } else {
            pipeline.hset(keys.nodeSubscriptions(node), name, Integer.toString(channel.subscriptionCount()));
          }
        }
        pipeline.sync();
      }
    });
    if (!ok) {
      resyncDue = true; // rewritten in full once Redis is back
    }
  }

  private void reapDeadNodes() {
    for (String dead : deadNodes()) {
      Long claimed = redis.call("reap", p -> p.srem(keys.nodes(), dead), () -> 0L);
      if (claimed == 1) { // exactly one surviving node cleans up after each dead one
        presence.reap(dead, this::departed);
      }
    }
  }

  private List<String> deadNodes() {
    return redis.call("reap", p -> {
      List<String> others = new ArrayList<>(p.smembers(keys.nodes()));
      others.remove(node);
      List<String> dead = new ArrayList<>();
      try (Pipeline pipeline = p.pipelined()) {
        List<Response<Boolean>> alive = new ArrayList<>();
        others.forEach(other -> alive.add(pipeline.exists(keys.alive(other))));
        pipeline.sync();
        for (int i = 0; i < others.size(); i++) {
          if (!alive.get(i).get()) {
            dead.add(others.get(i));
          }
        }
      }
      return dead;
    }, List::of);
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
