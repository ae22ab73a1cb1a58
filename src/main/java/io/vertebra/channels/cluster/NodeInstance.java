package io.vertebra.channels.cluster;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Who a node process is in Redis: its {@code CHANNELS_NODE_ID} plus a suffix drawn at every start
 * ({@code n1#3fa9c2}). Presence registrations, liveness keys and bus messages use this instance id, so two
 * processes started with the same node id (a copied configuration) never remove each other's members or skip
 * each other's messages as their own; the node id stays what operators read in logs. At start,
 * {@link #refuseIfInUse} stops a node whose id a live node already uses.
 */
final class NodeInstance {

  /** How long a starting node watches the liveness key of an instance with its id before deciding it is dead. */
  static final long LIVENESS_WATCH_MILLIS = 2_500;
  private static final long POLL_MILLIS = 250;

  private static final Logger LOG = LoggerFactory.getLogger(NodeInstance.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private NodeInstance() {}

  /** A new instance id for {@code nodeId}. */
  static String of(String nodeId) {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return nodeId + "#" + HexFormat.of().formatHex(suffix);
  }

  /** The node id of an instance id ({@code n1} for {@code n1#3fa9c2}). */
  static String nodeIdOf(String instance) {
    int hash = instance.indexOf('#');
    return hash < 0 ? instance : instance.substring(0, hash);
  }

  /**
   * Throws when another running instance uses {@code options}' node id: one whose liveness key still changes
   * (a live node renews it every second with a new value) within {@value #LIVENESS_WATCH_MILLIS} ms. A key that
   * stops changing or expires belonged to a node that died (a restart right after a crash), which is fine. When
   * Redis cannot be asked, the node starts anyway; two instances then still keep out of each other's way.
   *
   * @throws NodeIdInUseException naming the node id and what to do
   */
  static void refuseIfInUse(RedisClient redis, RedisKeys keys, ClusterOptions options) {
    try (Jedis jedis = redis.dedicated()) {
      Map<String, String> first = beats(jedis, keys, options.nodeId());
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVENESS_WATCH_MILLIS);
      while (!first.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(POLL_MILLIS);
        Map<String, String> now = beats(jedis, keys, options.nodeId());
        for (Map.Entry<String, String> beat : now.entrySet()) {
          String before = first.putIfAbsent(beat.getKey(), beat.getValue());
          if (before != null && !before.equals(beat.getValue())) {
            throw new NodeIdInUseException(options);
          }
        }
        first.keySet().retainAll(now.keySet()); // expired keys: those nodes are dead
      }
    } catch (JedisException e) {
      LOG.info("Could not check that CHANNELS_NODE_ID '{}' is unused (Redis: {}); starting anyway",
          options.nodeId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The liveness values of the registered instances of {@code nodeId} whose liveness key exists. */
  private static Map<String, String> beats(Jedis jedis, RedisKeys keys, String nodeId) {
    Map<String, String> beats = new HashMap<>();
    for (String instance : jedis.smembers(keys.nodes())) {
      if (nodeIdOf(instance).equals(nodeId)) {
        String beat = jedis.get(keys.alive(instance));
        if (beat != null) {
          beats.put(instance, beat);
        }
      }
    }
    return beats;
  }
}
