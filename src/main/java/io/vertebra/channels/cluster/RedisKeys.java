package io.vertebra.channels.cluster;

/**
 * The names of everything the cluster keeps in Redis, all under {@code vertebra:channels:{appId}:} so several
 * apps (or other programs) can share one Redis. Fields of the presence member hashes are
 * {@code nodeId|userId}: node ids never contain {@code |}.
 */
final class RedisKeys {

  private final String prefix;

  RedisKeys(String appId) {
    this.prefix = "vertebra:channels:" + appId + ":";
  }

  /** The pub/sub channel every node publishes to and listens on. */
  String bus() {
    return prefix + "bus";
  }

  /** Set of the ids of nodes that registered (alive or not yet reaped). */
  String nodes() {
    return prefix + "nodes";
  }

  /** A node's liveness key, expiring unless its heartbeat renews it. */
  String alive(String node) {
    return prefix + "node:" + node;
  }

  /** Set of the presence channels where a node has (or had) members. */
  String nodePresence(String node) {
    return prefix + "node:" + node + ":presence";
  }

  /** Hash channel → subscription count on a node. */
  String nodeSubscriptions(String node) {
    return prefix + "node:" + node + ":subs";
  }

  /** Hash {@code nodeId|userId} → user_info JSON of a presence channel. */
  String members(String channel) {
    return prefix + "presence:" + channel + ":members";
  }

  /** Hash userId → number of nodes where the user is connected to a presence channel. */
  String users(String channel) {
    return prefix + "presence:" + channel + ":users";
  }

  /** The last event of a cache channel. */
  String cache(String channel) {
    return prefix + "cache:" + channel;
  }

  /** The field of a node's user in a members hash. */
  static String memberField(String node, String userId) {
    return node + "|" + userId;
  }
}
