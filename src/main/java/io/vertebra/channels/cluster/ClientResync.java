package io.vertebra.channels.cluster;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.connection.Connection;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this node's clients re-fetch what cluster traffic they may have missed, so nothing is silently skipped:
 * after this node's bus subscription was down (every connection subscribed meanwhile may have missed messages of
 * other nodes), and when another node reports channels whose messages it could not publish.
 *
 * <p>The Pusher protocol has no "you missed something" message, but every Pusher client library reconnects at
 * once when the server closes the connection with a code in 4200-4299, and resubscribes; and every Pusher app
 * already re-fetches what it shows after a reconnection, because hosted Pusher does not replay what a client
 * missed either (Vertebra's framework triggers {@code realtime:resync}). So the affected connections are closed
 * with 4200: the one signal that works for any client. Before that, each affected presence channel is compared with
 * Redis and the members that came or went unannounced are announced, so client libraries that keep their member
 * list across a reconnection (pusher-java-client does) end up right too. The presence members of the connections
 * closed stay members for {@value #REJOIN_GRACE_MILLIS} ms: a client that reconnects meanwhile (pusher-js at once,
 * pusher-java-client after a second), here or on another node, was never gone for anyone.
 *
 * <p>After an outage it waits until the cluster has settled (at least {@value #MIN_SETTLE_MILLIS} ms, until this
 * node and every node it knew before the outage registered again, at most {@value NodeMaintenance#NODE_TTL_MILLIS}
 * ms), so that reconnecting clients get complete presence snapshots; and it closes at most
 * {@value #CLOSES_PER_BATCH} connections every {@value #BATCH_MILLIS} ms, so that thousands of clients do not all
 * reconnect in the same instant.
 */
final class ClientResync {

  static final int CLOSES_PER_BATCH = 200;
  static final long BATCH_MILLIS = 100;
  /**
   * How long after its subscription is back a node waits at least before acting on an outage: nodes that joined
   * shortly before it, unknown here, get the time to register again too.
   */
  static final long MIN_SETTLE_MILLIS = NodeMaintenance.HEARTBEAT_MILLIS;
  /** How long a presence member closed here stays a member while its client reconnects. */
  static final long REJOIN_GRACE_MILLIS = 10_000;
  static final String REASON = "Cluster messages may have been missed; reconnect and re-fetch";

  private static final Logger LOG = LoggerFactory.getLogger(ClientResync.class);
  private static final long MIN_SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_SETTLE_MILLIS);

  private final NodeMaintenance maintenance;
  private final ScheduledExecutorService timer;
  private final Map<String, Long> closedAt = new ConcurrentHashMap<>();
  private ChannelsApp app;

  // What is due, guarded by this. After an outage: the connections subscribed when it ended, the peers known
  // before it, and how long to wait for them at most.
  private Set<String> afterOutage;
  private volatile boolean settling;
  private Set<String> peersBefore = Set.of();
  private long settleStartNanos;
  private long settleDeadlineNanos;
  private final Set<String> missedChannels = new HashSet<>();
  private boolean missedEverywhere;

  ClientResync(NodeMaintenance maintenance, ScheduledExecutorService timer) {
    this.maintenance = maintenance;
    this.timer = timer;
  }

  void attach(ChannelsApp app) {
    this.app = app;
  }

  /**
   * The bus subscription is up (again): the connections subscribed to any channel until now may have missed
   * messages of other nodes. {@code peersBefore}: the other nodes this node knew before.
   */
  synchronized void subscribed(Set<String> peersBefore) {
    Set<String> subscribed = new HashSet<>();
    for (Connection c : app.connections().all()) {
      if (!c.channels().isEmpty()) {
        subscribed.add(c.socketId());
      }
    }
    if (subscribed.isEmpty() && afterOutage == null) {
      return;
    }
    if (afterOutage == null) {
      afterOutage = subscribed;
      settling = true;
      this.peersBefore = peersBefore;
    } else {
      afterOutage.addAll(subscribed);
    }
    settleStartNanos = System.nanoTime();
    settleDeadlineNanos = settleStartNanos + TimeUnit.MILLISECONDS.toNanos(NodeMaintenance.NODE_TTL_MILLIS);
  }

  /** Another node could not publish messages for {@code channels} (empty: for every channel). */
  synchronized void missed(List<String> channels) {
    if (channels.isEmpty()) {
      missedEverywhere = true;
    } else {
      missedChannels.addAll(channels);
    }
  }

  /**
   * Whether an outage just ended and the cluster is still registering again: Redis may then lack members that are
   * about to be registered again, so a member missing from it is not taken for gone until the cluster settled.
   */
  boolean settling() {
    return settling;
  }

  /** Whether this node closed connection {@code socketId} for its client to re-fetch (in the last few seconds). */
  boolean closedForResync(String socketId) {
    return closedAt.containsKey(socketId);
  }

  /** Does what is due once the cluster has settled (called by the cluster's timer, every few hundred ms). */
  void tick() {
    long forgetBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(REJOIN_GRACE_MILLIS);
    closedAt.values().removeIf(at -> at - forgetBefore < 0);
    Set<String> sockets;
    Set<String> channels;
    boolean everyChannel;
    synchronized (this) {
      if (afterOutage == null && missedChannels.isEmpty() && !missedEverywhere
          || afterOutage != null && System.nanoTime() - settleStartNanos < MIN_SETTLE_NANOS) {
        return;
      }
    }
    Set<String> peersNow = maintenance.registeredPeers();
    if (peersNow == null) {
      return; // this node is not registered again yet, or Redis went away again
    }
    synchronized (this) {
      if (afterOutage != null && !peersNow.containsAll(peersBefore) && System.nanoTime() < settleDeadlineNanos) {
        return;
      }
      boolean alone = peersBefore.isEmpty() && peersNow.isEmpty(); // no other node could have sent anything
      sockets = afterOutage == null || alone ? Set.of() : afterOutage;
      channels = Set.copyOf(missedChannels);
      everyChannel = missedEverywhere;
      afterOutage = null;
      settling = false;
      missedChannels.clear();
      missedEverywhere = false;
    }
    run(sockets, channels, everyChannel);
  }

  /** Refreshes the affected presence channels, then closes the connections {@code sockets} and the affected. */
  private void run(Set<String> sockets, Set<String> channels, boolean everyChannel) {
    boolean afterOutage = !sockets.isEmpty();
    List<Channel> occupied = app.channels().occupiedChannels(null);
    List<Channel> missed = everyChannel ? occupied : found(channels);
    for (Channel channel : afterOutage ? occupied : missed) {
      if (channel.type() == ChannelType.PRESENCE) {
        channel.refreshRemoteMembers(app.cluster());
      }
    }
    Set<Connection> toClose = new LinkedHashSet<>();
    sockets.forEach(socketId -> add(toClose, socketId));
    missed.forEach(channel -> channel.subscribers().forEach(s -> add(toClose, s.socketId())));
    if (toClose.isEmpty()) {
      return;
    }
    LOG.warn("Cluster messages may have been missed ({}): asking {} connection(s) to reconnect and re-fetch "
        + "(close code {})", afterOutage ? "this node's Redis subscription was down"
        : "another node could not publish to " + (everyChannel ? "every channel" : channels.size() + " channel(s)"),
        toClose.size(), ErrorCode.RECONNECT);
    closeGradually(new ArrayList<>(toClose));
  }

  private List<Channel> found(Set<String> names) {
    List<Channel> found = new ArrayList<>();
    for (String name : names) {
      Channel channel = app.channels().find(name);
      if (channel != null) {
        found.add(channel);
      }
    }
    return found;
  }

  private void add(Set<Connection> toClose, String socketId) {
    Connection connection = app.connections().find(socketId);
    if (connection != null && !connection.isClosing()) {
      toClose.add(connection);
    }
  }

  private void closeGradually(List<Connection> connections) {
    for (int from = 0; from < connections.size(); from += CLOSES_PER_BATCH) {
      List<Connection> batch = connections.subList(from, Math.min(from + CLOSES_PER_BATCH, connections.size()));
      timer.schedule(() -> batch.forEach(c -> {
        closedAt.put(c.socketId(), System.nanoTime());
        c.close(ErrorCode.RECONNECT, REASON);
      }), from / CLOSES_PER_BATCH * BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
