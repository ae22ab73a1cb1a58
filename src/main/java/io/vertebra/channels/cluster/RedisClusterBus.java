package io.vertebra.channels.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.ChannelsCounters;
import io.vertebra.channels.channel.ChannelDirectory;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.channels.channel.EventCache;
import io.vertebra.channels.channel.PresenceMember;
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
 * {@code CHANNELS_REDIS_URL} is set. When messages may have been lost (this node's subscription was down, or
 * another node could not publish), the clients concerned are made to re-fetch ({@link ClientResync}).
 */
public final class RedisClusterBus implements ClusterBus {

  private static final Logger LOG = LoggerFactory.getLogger(RedisClusterBus.class);

  private final ClusterOptions options;
  private final String instance;
  private final RedisKeys keys;
  private final RedisClient redis;
  private final Publisher publisher;
  private final RedisPresence presence;
  private final NodeMaintenance maintenance;
  private final RemoteSubscriptions remoteSubscriptions = new RemoteSubscriptions();
  private final ScheduledExecutorService timer;
  private final ClientResync resync;
  private BusSubscription subscription;

  private RedisClusterBus(ClusterOptions options, String appId, ChannelsCounters counters) {
    this.options = options;
    this.instance = NodeInstance.of(options.nodeId());
    this.keys = new RedisKeys(appId);
    this.redis = new RedisClient(options.redisUrl(), counters);
    this.publisher = new Publisher(redis, keys, EventCache.TTL_MILLIS, instance);
    this.presence = new RedisPresence(redis, keys, instance, publisher);
    this.maintenance = new NodeMaintenance(redis, keys, instance, presence, publisher,
        remoteSubscriptions);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "channels-cluster-" + instance);
      t.setDaemon(true);
      return t;
    });
    this.resync = new ClientResync(maintenance, timer);
  }

  /**
   * A bus for the app {@code appId} (nodes of one cluster share it) counting failures in {@code counters};
   * nothing connects before {@link #start}.
   */
  public static RedisClusterBus create(ClusterOptions options, String appId, ChannelsCounters counters) {
    return new RedisClusterBus(options, appId, counters);
  }

  /**
   * Joins the cluster and starts delivering other nodes' traffic to {@code app}'s subscribers (once, after wiring).
   *
   * @throws NodeIdInUseException when a running node uses this node's id (nothing is started then)
   */
  public void start(ChannelsApp app) {
    try {
      NodeInstance.refuseIfInUse(redis, keys, options);
    } catch (NodeIdInUseException e) {
      timer.shutdown();
      redis.close();
      throw e;
    }
    maintenance.attach(app);
    resync.attach(app);
    InboundDelivery inbound = new InboundDelivery(instance, app, resync::missed, remoteSubscriptions);
    subscription = new BusSubscription(redis, keys.bus(), inbound::deliver, this::subscribed, instance);
    redis.whenDown(subscription::reconnect);
    publisher.start();
    subscription.start();
    timer.scheduleWithFixedDelay(this::safely, 0, NodeMaintenance.FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    LOG.info("Channels cluster: Redis {} (instance {})", options.describe(), instance);
  }

  private volatile long lastBeat;

  /**
   * The timer's work: flush counts often, beat once a second, make clients re-fetch when due; never lets an
   * exception kill the timer.
   */
  private void safely() {
    try {
      maintenance.flush();
      long now = System.nanoTime();
      if (now - lastBeat >= TimeUnit.MILLISECONDS.toNanos(NodeMaintenance.HEARTBEAT_MILLIS)) {
        lastBeat = now;
        maintenance.beat();
      }
      maintenance.completeDepartures();
      resync.tick();
    } catch (RuntimeException e) {
      redis.failed("maintenance", e);
    }
  }

  /** The bus subscription is up (again): re-register at once; whoever was subscribed meanwhile may have missed. */
  private void subscribed() {
    maintenance.resyncDue();
    lastBeat = 0; // beat (and so re-register) on the next tick
    resync.subscribed(maintenance.livePeers());
  }

  /** Whether Redis is reachable (for health checks): when false, this node serves its own clients only. */
  @Override
  public boolean connected() {
    return redis.isUp();
  }

  @Override
  public ChannelDirectory directory(ChannelRegistry local) {
    return new ClusterDirectory(redis, keys, instance, local);
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
    publisher.publish(ClusterMessage.event(instance, channels, event, data, exceptSocketId), cacheFrames);
  }

  @Override
  public void clientEventRelayed(String channel, String frame, String senderSocketId) {
    publisher.publish(ClusterMessage.clientEvent(instance, channel, frame, senderSocketId));
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
  public int subscribersElsewhere(String channel) {
    return remoteSubscriptions.subscribers(channel);
  }

  @Override
  public Admission join(String channel, PresenceMember member, int maxMembers, int localMembers) {
    return presence.join(channel, member, maxMembers, localMembers);
  }

  /** A connection this node closed for its client to re-fetch does not take its user away (see ClientResync). */
  @Override
  public boolean leave(String channel, String userId, String socketId, boolean channelEmptyHere) {
    if (resync.closedForResync(socketId)) {
      presence.deferLeave(channel, userId);
      return false;
    }
    return presence.leave(channel, userId, channelEmptyHere);
  }

  /** The members in Redis (incomplete while being registered again after an outage); null while Redis is down. */
  @Override
  public PresenceMembers presenceMembers(String channel) {
    Map<String, JsonNode> members = presence.members(channel);
    return members == null ? null : new PresenceMembers(members, !resync.settling());
  }

  @Override
  public void userTerminated(String userId) {
    publisher.publish(ClusterMessage.terminate(instance, userId));
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
