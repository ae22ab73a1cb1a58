package io.vertebra.channels;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.SocketAuthenticator;
import io.vertebra.channels.channel.ChannelDirectory;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.channels.channel.EventCache;
import io.vertebra.channels.channel.SubscriptionCounts;
import io.vertebra.channels.connection.ConnectionRegistry;
import io.vertebra.channels.limits.AddressQuotas;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.limits.MemoryAdmission;
import io.vertebra.channels.limits.RequestBudget;
import io.vertebra.channels.user.Watchlists;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The state of one app the server hosts, shared by the WebSocket side and the HTTP API: credentials, limits,
 * channels, connections and the cache of cache channels. Apps share nothing but the timer pool and the memory
 * admission ({@link AppDirectory}).
 *
 * @param scheduler a small pool for timers and for closing connections off the send path
 * @param counters running totals for monitoring
 * @param cluster how this node shares traffic with other nodes ({@link ClusterBus#SINGLE_NODE} when alone)
 * @param directory the HTTP API's channel queries (this node's registry, or the cluster's view)
 * @param watchlists who is signed in, and the watchlist events that tell others (off unless enabled)
 * @param observer the live observer of everything that happens (the debug console), none by default
 * @param apiBudget the app's HTTP API requests per second ({@code CHANNELS_API_REQUESTS_PER_SECOND})
 */
public record ChannelsApp(
    AppCredentials credentials,
    Limits limits,
    ChannelRegistry channels,
    ConnectionRegistry connections,
    EventCache cache,
    ChannelListener listener,
    SocketAuthenticator socketAuth,
    Clock clock,
    ScheduledExecutorService scheduler,
    ChannelsCounters counters,
    ClusterBus cluster,
    ChannelDirectory directory,
    Watchlists watchlists,
    ObserverSlot observer,
    RequestBudget apiBudget) {

  /** Builds the state for a single-node app with empty registries. */
  public static ChannelsApp create(AppCredentials credentials, Limits limits, ChannelListener listener, Clock clock,
      ScheduledExecutorService scheduler) {
    return create(credentials, limits, listener, clock, scheduler, ClusterBus.SINGLE_NODE, new ChannelsCounters());
  }

  /**
   * Builds the state for an app with empty registries whose traffic is shared through {@code cluster}, counting
   * into {@code counters} (which the cluster counts its failures in too).
   */
  public static ChannelsApp create(AppCredentials credentials, Limits limits, ChannelListener listener, Clock clock,
      ScheduledExecutorService scheduler, ClusterBus cluster, ChannelsCounters counters) {
    return create(credentials, limits, listener, clock, scheduler, cluster, counters,
        new MemoryAdmission(limits.memoryLimitPercent(), Runtime.getRuntime().maxMemory()));
  }

  /**
   * Builds the state for an app as above, admitting connections by {@code memory} (one per process: the apps of a
   * server share the heap).
   */
  public static ChannelsApp create(AppCredentials credentials, Limits limits, ChannelListener listener, Clock clock,
      ScheduledExecutorService scheduler, ClusterBus cluster, ChannelsCounters counters, MemoryAdmission memory) {
    SubscriptionCounts counts = !limits.subscriptionCount() ? SubscriptionCounts.OFF
        : new SubscriptionCounts(listener, (millis, task) -> scheduler.schedule(task, millis, TimeUnit.MILLISECONDS));
    ChannelRegistry channels = new ChannelRegistry(listener, cluster, counts);
    ConnectionRegistry connections = new ConnectionRegistry(limits.maxConnections(),
        new AddressQuotas(limits.maxConnectionsPerAddress(), limits.newConnectionsPerAddressPerSecond()), memory);
    return new ChannelsApp(credentials, limits, channels, connections,
        new EventCache(), listener, new SocketAuthenticator(credentials), clock, scheduler, counters,
        cluster, cluster.directory(channels), new Watchlists(limits.watchlistEvents()), new ObserverSlot(),
        new RequestBudget(limits.apiRequestsPerSecond(), System.nanoTime()));
  }
}
