package io.vertebra.channels.cluster;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Listens to the bus on a dedicated connection and thread, handing each message to a consumer. When the connection
 * drops (Redis restarted, network trouble) it tries again every {@value #PROBE_MILLIS} ms for as long as the node
 * runs, so the node is back within a fraction of a second of Redis answering: a refused or timed-out connection
 * costs Redis nothing, and every message published meanwhile is lost to this node. Only when Redis answers but
 * refuses the node (a wrong password, say) does the wait double up to {@value #MAX_BACKOFF_MILLIS} ms. Every
 * successful (re)subscription is reported, so the node can re-register what Redis may have lost.
 */
final class BusSubscription implements AutoCloseable {

  static final long PROBE_MILLIS = 250;
  static final long MAX_BACKOFF_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(BusSubscription.class);

  private final RedisClient redis;
  private final String channel;
  private final Consumer<String> onMessage;
  private final Runnable onSubscribed;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Jedis current;
  private volatile JedisPubSub pubSub;

  BusSubscription(RedisClient redis, String channel, Consumer<String> onMessage, Runnable onSubscribed,
      String nodeId) {
    this.redis = redis;
    this.channel = channel;
    this.onMessage = onMessage;
    this.onSubscribed = onSubscribed;
    this.thread = new Thread(this::loop, "channels-cluster-subscribe-" + nodeId);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    long backoff = PROBE_MILLIS;
    while (!closed) {
      boolean[] subscribed = new boolean[1];
      boolean refused = false;
      try (Jedis jedis = redis.dedicated()) {
        current = jedis;
        JedisPubSub listener = listener(subscribed);
        pubSub = listener;
        jedis.subscribe(listener, channel); // blocks until unsubscribed or the connection fails
      } catch (RuntimeException e) {
        refused = !(e instanceof JedisConnectionException);
        if (!closed) {
          redis.failed("subscribe", e);
        }
      } finally {
        current = null;
      }
      backoff = refused && !subscribed[0] ? Math.min(backoff * 2, MAX_BACKOFF_MILLIS) : PROBE_MILLIS;
      if (!closed) {
        sleep(backoff);
      }
    }
  }

  private JedisPubSub listener(boolean[] subscribed) {
    return new JedisPubSub() {
      @Override
      public void onSubscribe(String name, int count) {
        subscribed[0] = true;
        redis.reconnected();
        onSubscribed.run();
      }

      @Override
      public void onMessage(String name, String message) {
        try {
          onMessage.accept(message);
        } catch (RuntimeException e) {
          // One bad message must not end the subscription.
          LOG.warn("Ignoring a cluster message that could not be delivered: {}", e.toString());
        }
      }
    };
  }

  /** Drops the current connection so the loop reconnects (used when commands show Redis went away). */
  void reconnect() {
    Jedis jedis = current;
    if (jedis != null) {
      try {
        jedis.disconnect();
      } catch (RuntimeException e) {
        LOG.debug("disconnecting the subscription: {}", e.toString());
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    JedisPubSub listener = pubSub;
    try {
      if (listener != null && listener.isSubscribed()) {
        listener.unsubscribe();
      }
    } catch (RuntimeException e) {
      LOG.debug("unsubscribing: {}", e.toString());
    }
    reconnect();
    thread.interrupt();
  }
}
