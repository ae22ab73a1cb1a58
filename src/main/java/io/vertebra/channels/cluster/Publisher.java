package io.vertebra.channels.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;

/**
 * Sends this node's messages to the bus from one thread, so the HTTP and WebSocket threads that trigger them
 * never wait for Redis: each message is one PUBLISH (once per trigger, whatever the number of subscribers), and
 * whatever queued up meanwhile goes in one pipelined round trip, in order. While Redis is down, or when the bounded
 * queue is full, messages are dropped and counted: the cluster is at-most-once, like Pusher itself. But never
 * silently: the channels of dropped messages are remembered, and {@link #announceMissed} tells the other nodes, so
 * those channels' subscribers there re-fetch.
 */
final class Publisher implements AutoCloseable {

  static final int MAX_QUEUED = 10_000;
  /** Beyond this many channels with dropped messages, the other nodes are told that every channel missed some. */
  static final int MAX_MISSED_CHANNELS = 1_000;
  private static final int MAX_BATCH = 256;

  /** One message (and its channels), plus the cache-channel frames to store with it (channel → frame). */
  private record Outgoing(String message, List<String> channels, Map<String, String> cacheFrames) {}

  private final RedisClient redis;
  private final RedisKeys keys;
  private final long cacheTtlMillis;
  private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
  private final Thread thread;
  private final String node;
  private final Set<String> missed = ConcurrentHashMap.newKeySet();
  private volatile boolean missedAll;
  private volatile boolean closed;

  Publisher(RedisClient redis, RedisKeys keys, long cacheTtlMillis, String node) {
    this.redis = redis;
    this.keys = keys;
    this.cacheTtlMillis = cacheTtlMillis;
    this.node = node;
    this.thread = new Thread(this::loop, "channels-cluster-publish-" + node);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues {@code message}; false (and counted) when it was dropped. */
  boolean publish(ClusterMessage message) {
    return publish(message, Map.of());
  }

  /** Queues {@code message} and the last events of cache channels; false (and counted) when dropped. */
  boolean publish(ClusterMessage message, Map<String, String> cacheFrames) {
    // a lost count is no lost message: the sender sends all its counts again once it re-registers
    List<String> channels = message.type() == ClusterMessage.Type.SUBSCRIPTIONS ? List.of()
        : message.type() == ClusterMessage.Type.RESYNC && message.channels().isEmpty() ? null : message.channels();
    if (!redis.isUp() || closed || !queue.offer(new Outgoing(message.encode(), channels, cacheFrames))) {
      redis.dropped("a " + message.type() + " message");
      missed(channels);
      return false;
    }
    return true;
  }

  /** Remembers that messages for {@code channels} (null: every channel) never reached the other nodes. */
  private void missed(List<String> channels) {
    if (channels == null || missed.size() + channels.size() > MAX_MISSED_CHANNELS) {
      missedAll = true;
    } else {
      missed.addAll(channels);
    }
  }

  /**
   * Tells the other nodes which channels' messages were dropped since the last call, if any (call it once Redis
   * is reachable again). Should this message be dropped too, its channels stay remembered for the next call.
   */
  void announceMissed() {
    if (missedAll) {
      missedAll = false;
      missed.clear();
      publish(ClusterMessage.resync(node, List.of()));
    } else if (!missed.isEmpty()) {
      List<String> channels = List.copyOf(missed);
      missed.removeAll(channels);
      publish(ClusterMessage.resync(node, channels));
    }
  }

  private void loop() {
    List<Outgoing> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Outgoing first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        send(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void send(List<Outgoing> batch) {
    boolean sent = redis.run("publish", pool -> {
      try (Pipeline pipeline = pool.pipelined()) {
        for (Outgoing o : batch) {
          o.cacheFrames().forEach((channel, frame) ->
              pipeline.set(keys.cache(channel), frame, SetParams.setParams().px(cacheTtlMillis)));
          pipeline.publish(keys.bus(), o.message());
        }
        pipeline.sync();
      }
    });
    if (!sent) {
      batch.forEach(o -> missed(o.channels()));
    }
  }

  /** Sends what is queued (waiting at most {@code millis}) and stops. */
  void close(long millis) {
    closed = true;
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(2_000);
  }
}
