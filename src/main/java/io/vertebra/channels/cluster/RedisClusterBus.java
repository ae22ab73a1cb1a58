package io.vertebra.channels.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.ChannelsCounters;
import io.vertebra.channels.channel.ChannelDirectory;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.channels.channel.EventCache;
import io.vertebra.channels.channel.PresenceMember;
import io.vertebra.channels.channel.PresenceRoster;
import io.vertebra.channels.protocol.Frames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClusterBus} over Redis: one pub/sub channel per app carries triggered events, client events, presence
 * changes and terminations between nodes; presence, subscription counts, node liveness and the last events of
 * cache channels are kept in Redis. Only this package touches the Redis client, and only when
 * {@code CHANNELS_REDIS_URL} is set.
 */
public final class RedisClusterBus implements ClusterBus {

  private static final Logger LOG = LoggerFactory.getLogger(RedisClusterBus.class);

  private final ClusterOptions options;
  private final RedisKeys keys;
  private final RedisClient redis;
  private final Publisher publisher;
  private final RedisPresence presence;
  private final NodeMaintenance maintenance;
  private final ScheduledExecutorService timer;
  private BusSubscription subscription;

  private RedisClusterBus(ClusterOptions options, String appId, ChannelsCounters counters) {
    this.options = options;
    this.keys = new RedisKeys(appId);
    this.redis = new RedisClient(options.redisUrl(), counters);
    this.publisher = new Publisher(redis, keys, EventCache.TTL_MILLIS, options.nodeId());
    this.presence = new RedisPresence(redis, keys, options.nodeId(), publisher);
    this.maintenance = new NodeMaintenance(redis, keys, options.nodeId(), presence);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "channels-cluster-" + options.nodeId());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A bus for the app {@code appId} (nodes of one cluster share it) counting failures in {@code counters};
   * nothing connects before {@link #start}.
   */
  public static ClusterBus create(ClusterOptions options, String appId, ChannelsCounters counters) {
    return new RedisClusterBus(options, appId, counters);
  }

  @Override
  public void start(ChannelsApp app) {
    maintenance.attach(app);
    InboundDelivery inbound = new InboundDelivery(options.nodeId(), app);
    subscription = new BusSubscription(redis, keys.bus(), inbound::deliver, this::subscribed, options.nodeId());
    redis.whenDown(subscription::reconnect);
    publisher.start();
    subscription.start();
    timer.scheduleWithFixedDelay(this::safely, 0, NodeMaintenance.FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    LOG.info("Channels cluster: Redis {}", options.describe());
  }

  private volatile long lastBeat;

  /** The timer's work: flush counts often, beat once a second; never lets an exception kill the timer. */
  private void safely() {
    try {
      maintenance.flush();
      long now = System.nanoTime();
      if (now - lastBeat >= TimeUnit.MILLISECONDS.toNanos(NodeMaintenance.HEARTBEAT_MILLIS)) {
        lastBeat = now;
        maintenance.beat();
      }
    } catch (RuntimeException e) {
      redis.failed("maintenance", e);
    }
  }

  private void subscribed() {
    maintenance.resyncDue();
    lastBeat = 0; // beat (and so re-register) on the next tick
  }

  /** Whether Redis is reachable (for health checks): when false, this node serves its own clients only. */
  @Override
  public boolean connected() {
    return redis.isUp();
  }

  @Override
  public ChannelDirectory directory(ChannelRegistry local) {
    return new ClusterDirectory(redis, keys, options.nodeId(), local);
  }

  @Override
  public void eventTriggered(List<String> channels, String event, String data, String exceptSocketId) {
    Map<String, String> cacheFrames = Map.of();
    for (String channel : channels) {
      if (ChannelNames.isCache(channel)) {
        if (cacheFrames.isEmpty()) {
          cacheFrames = new LinkedHashMap<>();
        }
        cacheFrames.put(channel, Frames.event(channel, event, data));
      }
    }
    publisher.publish(ClusterMessage.event(options.nodeId(), channels, event, data, exceptSocketId), cacheFrames);
  }

  @Override
  public void clientEventRelayed(String channel, String frame, String senderSocketId) {
    publisher.publish(ClusterMessage.clientEvent(options.nodeId(), channel, frame, senderSocketId));
  }

  @Override
  public String cachedEvent(String channel) {
    return redis.call("cache", p -> p.get(keys.cache(channel)), () -> null);
  }

  @Override
  public void subscriptionsChanged(String channel) {
    maintenance.changed(channel);
  }

  @Override
  public Admission join(String channel, PresenceMember member, int maxMembers, int localMembers) {
    return presence.join(channel, member, maxMembers, localMembers);
  }

  @Override
  public boolean leave(String channel, String userId, boolean channelEmptyHere) {
    return presence.leave(channel, userId, channelEmptyHere);
  }

  @Override
  public ObjectNode presenceSnapshot(String channel, PresenceRoster localRoster) {
    return presence.snapshot(channel, localRoster);
  }

  @Override
  public void userTerminated(String userId) {
    publisher.publish(ClusterMessage.terminate(options.nodeId(), userId));
  }

  /** Leaves the cluster cleanly: members removed and announced, registration dropped, connections closed. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    maintenance.leaveCluster();
    publisher.close();
    if (subscription != null) {
      subscription.close();
    }
    redis.close();
  }
}
