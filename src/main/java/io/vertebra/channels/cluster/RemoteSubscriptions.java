package io.vertebra.channels.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the other nodes last reported of their subscription counts (node → channel → count), held in memory so
 * a subscription count sent to this node's subscribers is the cluster's without a round trip to Redis. Filled
 * from the nodes' hashes in Redis when this node (re-)registers, then kept current by their
 * {@link ClusterMessage.Type#SUBSCRIPTIONS} messages; a node that is no longer alive is forgotten.
 */
final class RemoteSubscriptions {

  private final Map<String, Map<String, Integer>> byNode = new ConcurrentHashMap<>();

  /**
   * {@code node} reports {@code counts} (0 for a channel it no longer holds); returns the channels whose count
   * changed.
   */
  synchronized Set<String> report(String node, Map<String, Integer> counts) {
    Map<String, Integer> held = byNode.computeIfAbsent(node, k -> new ConcurrentHashMap<>());
    Set<String> changed = new HashSet<>();
    counts.forEach((channel, count) -> {
      Integer before = count > 0 ? held.put(channel, count) : held.remove(channel);
      if (before == null ? count > 0 : before.intValue() != count) {
        changed.add(channel);
      }
    });
    return changed;
  }

  /**
   * The full counts of the live nodes, read from Redis: replaces everything known; returns the channels whose
   * count changed.
   */
  synchronized Set<String> replaceAll(Map<String, Map<String, Integer>> live) {
    Set<String> changed = new HashSet<>();
    for (String node : new HashSet<>(byNode.keySet())) {
      if (!live.containsKey(node)) {
        changed.addAll(forget(node));
      }
    }
    live.forEach((node, counts) -> {
      Map<String, Integer> all = new HashMap<>(counts);
      byNode.getOrDefault(node, Map.of()).keySet().forEach(channel -> all.putIfAbsent(channel, 0));
      changed.addAll(report(node, all));
    });
    return changed;
  }

  /** {@code node} is gone: returns the channels where it had subscribers. */
  synchronized Set<String> forget(String node) {
    Map<String, Integer> gone = byNode.remove(node);
    return gone == null ? Set.of() : Set.copyOf(gone.keySet());
  }

  /** The nodes that reported subscribers. */
  Set<String> nodes() {
    return Set.copyOf(byNode.keySet());
  }

  /** The subscribers of {@code channel} on every node that reported. */
  int subscribers(String channel) {
    int total = 0;
    for (Map<String, Integer> counts : byNode.values()) {
      total += counts.getOrDefault(channel, 0);
    }
    return total;
  }
}
