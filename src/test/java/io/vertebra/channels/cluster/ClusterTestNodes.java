package io.vertebra.channels.cluster;

import io.vertebra.channels.ChannelsTestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the cluster ITs share: the environment of a node of the test cluster, and waiting for a condition. */
final class ClusterTestNodes {

  static final String APP_ID = "4242";
  static final String KEY = "cluster-key";
  static final String SECRET = "cluster-secret-0123456789";

  private ClusterTestNodes() {}

  /** The variables of node {@code nodeId} of the cluster on {@code redis}: same app credentials everywhere. */
  static Map<String, String> env(RedisServer redis, String nodeId) {
    return env(redis.url(), nodeId);
  }

  /** The variables of node {@code nodeId} reaching the cluster's Redis at {@code redisUrl} (e.g. a relay). */
  static Map<String, String> env(String redisUrl, String nodeId) {
    Map<String, String> env = new HashMap<>();
    env.put("CHANNELS_APP_ID", APP_ID);
    env.put("CHANNELS_KEY", KEY);
    env.put("CHANNELS_SECRET", SECRET);
    env.put("CHANNELS_REDIS_URL", redisUrl);
    env.put("CHANNELS_NODE_ID", nodeId);
    return env;
  }

  /** Starts an in-process node and waits until Redis knows it. */
  static ChannelsTestServer start(RedisServer redis, String nodeId) throws Exception {
    ChannelsTestServer node = new ChannelsTestServer(env(redis, nodeId));
    await("node " + nodeId + " registered", 10, () -> node.app().cluster().connected() && registered(redis, nodeId));
    return node;
  }

  /** Whether a node started as {@code nodeId} is in the cluster's node set (as {@code nodeId#instance}). */
  static boolean registered(RedisServer redis, String nodeId) {
    try {
      return redis.command("SMEMBERS vertebra:channels:" + APP_ID + ":nodes").lines()
          .anyMatch(line -> line.equals(nodeId) || line.startsWith(nodeId + "#"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Polls {@code condition} every 50 ms; fails naming {@code what} after {@code seconds}. */
  static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
      }
      Thread.sleep(50);
    }
  }
}
