package io.vertebra.channels.cluster;

import io.vertebra.channels.channel.ChannelDirectory;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.ChannelSummary;
import io.vertebra.channels.channel.ChannelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The HTTP API's channel queries for the whole cluster: this node's live counts plus the subscription counts the
 * other live nodes published (at most {@value NodeMaintenance#FLUSH_MILLIS} ms old), and presence users from the
 * shared presence hashes. Without Redis it answers for this node alone.
 */
final class ClusterDirectory implements ChannelDirectory {

  private final RedisClient redis;
  private final RedisKeys keys;
  private final String node;
  private final ChannelRegistry local;

  ClusterDirectory(RedisClient redis, RedisKeys keys, String node, ChannelRegistry local) {
    this.redis = redis;
    this.keys = keys;
    this.node = node;
    this.local = local;
  }

  @Override
  public Map<String, ChannelSummary> occupied(String prefix) {
    Map<String, ChannelSummary> result = new LinkedHashMap<>(local.occupied(prefix));
    redis.run("channel list", p -> {
      for (Map<String, String> counts : otherNodes(p, keys::nodeSubscriptions)) {
        counts.forEach((name, count) -> {
          if (prefix == null || name.startsWith(prefix)) {
            result.merge(name, new ChannelSummary(Integer.parseInt(count), 0), ChannelSummary::plus);
          }
        });
      }
      result.replaceAll((name, summary) -> withUsers(p, name, summary));
    });
    return result;
  }

  @Override
  public ChannelSummary summary(String channel) {
    ChannelSummary here = local.summary(channel);
    return redis.call("channel info", p -> {
      int subscriptions = here == null ? 0 : here.subscriptionCount();
      for (Map<String, String> counts : otherNodes(p, keys::nodeSubscriptions)) {
        subscriptions += Integer.parseInt(counts.getOrDefault(channel, "0"));
      }
      return subscriptions == 0 ? null : withUsers(p, channel, new ChannelSummary(subscriptions, 0));
    }, () -> here);
  }

  @Override
  public List<String> userIds(String channel) {
    return redis.call("channel users", p -> new ArrayList<>(p.hkeys(keys.users(channel))),
        () -> local.userIds(channel));
  }

  private ChannelSummary withUsers(JedisPooled p, String channel, ChannelSummary summary) {
    if (ChannelType.of(channel) != ChannelType.PRESENCE) {
      return summary;
    }
    return new ChannelSummary(summary.subscriptionCount(), (int) p.hlen(keys.users(channel)));
  }

  /** A hash per other live node (one round trip for liveness, one for the hashes). */
  private List<Map<String, String>> otherNodes(JedisPooled p, Function<String, String> key) {
    List<String> others = new ArrayList<>(p.smembers(keys.nodes()));
    others.remove(node);
    List<Map<String, String>> result = new ArrayList<>();
    try (Pipeline pipeline = p.pipelined()) {
      List<Response<Boolean>> alive = new ArrayList<>();
      List<Response<Map<String, String>>> hashes = new ArrayList<>();
      for (String other : others) {
        alive.add(pipeline.exists(keys.alive(other)));
        hashes.add(pipeline.hgetAll(key.apply(other)));
      }
      pipeline.sync();
      for (int i = 0; i < others.size(); i++) {
        if (alive.get(i).get()) {
          result.add(hashes.get(i).get());
        }
      }
    }
    return result;
  }
}
