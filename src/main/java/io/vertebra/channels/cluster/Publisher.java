package io.vertebra.channels.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;

/**
 * Sends this node's messages to the bus from one thread, so the HTTP and WebSocket threads that trigger them
 * never wait for Redis: each message is one PUBLISH (once per trigger, whatever the number of subscribers), and
 * whatever queued up meanwhile goes in one pipelined round trip, in order. While Redis is down, or when the bounded
 * queue is full, messages are dropped and counted: the cluster is at-most-once, like Pusher itself.
 */
final class Publisher implements AutoCloseable {

  static final int MAX_QUEUED = 10_000;
  private static final int MAX_BATCH = 256;

  /** One message, plus the cache-channel frames to store with it (channel → frame). */
  private record Outgoing(String message, Map<String, String> cacheFrames) {}

  private final RedisClient redis;
  private final RedisKeys keys;
  private final long cacheTtlMillis;
  private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
  private final Thread thread;
  private volatile boolean closed;

  Publisher(RedisClient redis, RedisKeys keys, long cacheTtlMillis, String nodeId) {
    this.redis = redis;
    this.keys = keys;
    this.cacheTtlMillis = cacheTtlMillis;
    this.thread = new Thread(this::loop, "channels-cluster-publish-" + nodeId);
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
    if (!redis.isUp() || closed || !queue.offer(new Outgoing(message.encode(), cacheFrames))) {
      redis.dropped("a " + message.type() + " message");
      return false;
    }
    return true;
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
    redis.run("publish", pool -> {
      try (Pipeline pipeline = pool.pipelined()) {
        for (Outgoing o : batch) {
          o.cacheFrames().forEach((channel, frame) ->
              pipeline.set(keys.cache(channel), frame, SetParams.setParams().px(cacheTtlMillis)));
          pipeline.publish(keys.bus(), o.message());
        }
        pipeline.sync();
      }
    });
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
