package io.vertebra.channels.cluster;

import io.vertebra.channels.ChannelsCounters;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The node's commands to Redis, through a Jedis pool, and whether Redis is reachable. While it is not, every call
 * returns its local fallback at once (a node keeps serving its own clients; it never waits on a dead Redis), and
 * failures are counted and logged once per outage. The subscription loop reports when Redis is back; the pool is
 * then rebuilt so no connection from before the outage is reused.
 */
final class RedisClient implements AutoCloseable {

  /** Connect and read timeout of every command, so a stalled Redis delays a node by at most this much. */
  static final int TIMEOUT_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(RedisClient.class);

  private final URI uri;
  private final ChannelsCounters counters;
  private volatile JedisPooled pool;
  private volatile boolean up;
  private volatile boolean wasUp;
  private volatile Runnable onDown = () -> {};

  RedisClient(URI uri, ChannelsCounters counters) {
    this.uri = uri;
    this.counters = counters;
    this.pool = newPool();
  }

  /** A dedicated connection (for the blocking subscription), not from the pool. */
  Jedis dedicated() {
    return new Jedis(uri, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
  }

  /** Runs {@code action} whenever a failure marks Redis down (to force the subscription to reconnect). */
  void whenDown(Runnable action) {
    this.onDown = action;
  }

  /** Whether Redis answered last time. */
  boolean isUp() {
    return up;
  }

  /**
   * Runs {@code command}; on failure (or while Redis is down) counts it and returns {@code fallback}'s value.
   * {@code what} names the operation in logs.
   */
  <T> T call(String what, Function<JedisPooled, T> command, Supplier<T> fallback) {
    if (!up) {
      return fallback.get();
    }
    try {
      return command.apply(pool);
    } catch (JedisException e) {
      failed(what, e);
      return fallback.get();
    }
  }

  /** Like {@link #call} without a result; false when it failed or was skipped. */
  boolean run(String what, Consumer<JedisPooled> command) {
    return call(what, p -> {
      command.accept(p);
      return true;
    }, () -> false);
  }

  /** Counts something that was not sent because Redis is down or the node is overloaded. */
  void dropped(String what) {
    counters.clusterError();
    LOG.debug("dropped {}: Redis down or queue full", what);
  }

  /** Records a failure; a connection failure marks Redis down until {@link #reconnected()}. */
  void failed(String what, Exception e) {
    counters.clusterError();
    boolean connection = e instanceof JedisConnectionException;
    if (connection && up) {
      up = false;
      LOG.warn("Redis unreachable ({}: {}); serving local clients only until it is back", what, e.toString());
      onDown.run();
    } else if (!connection) {
      LOG.warn("Redis command failed ({}): {}", what, e.toString());
    } else {
      LOG.debug("Redis still unreachable ({}): {}", what, e.toString());
    }
  }

  /** The subscription reached Redis again: use fresh pooled connections and let commands through. */
  void reconnected() {
    JedisPooled old = pool;
    pool = newPool();
    closeQuietly(old);
    if (!up) {
      up = true;
      if (wasUp) { // the end of an outage is as worth seeing in the log as its start
        LOG.warn("Redis reachable again at {}:{}; re-registering this node", uri.getHost(), uri.getPort());
      } else {
        LOG.info("Redis reachable at {}:{}", uri.getHost(), uri.getPort());
      }
      wasUp = true;
    }
  }

  private JedisPooled newPool() {
    GenericObjectPoolConfig<Connection> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(16);
    config.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
    config.setJmxEnabled(false);
    return new JedisPooled(config, uri, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
  }

  private static void closeQuietly(JedisPooled p) {
    try {
      p.close();
    } catch (RuntimeException e) {
      LOG.debug("closing an old Redis pool: {}", e.toString());
    }
  }

  @Override
  public void close() {
    up = false;
    closeQuietly(pool);
  }
}
