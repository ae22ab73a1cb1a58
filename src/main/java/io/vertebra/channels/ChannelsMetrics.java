package io.vertebra.channels;

import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.PrometheusText;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The channels server's metrics for {@code /metrics}: connections, channels by type, subscriptions, presence
 * members, subscription counts and watchlists, frames and events in and out, and errors by protocol code, each
 * series labelled with its {@code app} (the app id). Totals come from {@link ChannelsCounters}; gauges walk the
 * registries once per scrape (no locks beyond each presence roster's own, briefly). The memory admission is the
 * process's, so its two series carry no app.
 */
public final class ChannelsMetrics implements MetricSource {

  private final List<ChannelsApp> apps;

  /** Metrics of {@code app}. */
  public ChannelsMetrics(ChannelsApp app) {
    this(List.of(app));
  }

  /** Metrics of every app in {@code apps} (at least one). */
  public ChannelsMetrics(List<ChannelsApp> apps) {
    this.apps = List.copyOf(apps);
  }

  @Override
  public void collect(PrometheusText out) {
    each(out.gauge("vertebra_channels_connections", "Open WebSocket connections."),
        app -> app.connections().size());
    each(out.counter("vertebra_channels_connections_opened_total", "WebSocket connections accepted since start."),
        app -> app.counters().connectionsOpened.sum());
    byCode(out.counter("vertebra_channels_connections_rejected_total",
        "WebSocket connections refused at once, by protocol close code (4001 unknown key, counted by the default"
            + " app; 4004 over quota, 4100 shutting down, 4005-4008 bad path or protocol)."),
        app -> app.counters().connectionsRejected);
    byCode(out.counter("vertebra_channels_connections_closed_by_server_total",
        "Established connections the server closed, by close code (4100 slow reader, 4200 shutdown, "
            + "4201 no pong, 4009 terminated)."), app -> app.counters().connectionsClosedByServer);
    ChannelsApp first = apps.get(0);
    out.gauge("vertebra_channels_admitting_connections",
        "1 while new connections are admitted, 0 while the heap after collection is over"
            + " CHANNELS_MEMORY_LIMIT_PERCENT (they get 4100).")
        .sample(first.connections().memory().admits() ? 1 : 0);
    out.gauge("vertebra_channels_heap_after_gc_bytes",
        "Heap in use right after the last garbage collection (-1 before the first).")
        .sample(first.connections().memory().heapAfterCollectionBytes());
    occupancy(out);
    features(out);
    each(out.counter("vertebra_channels_frames_received_total", "WebSocket frames received from clients."),
        app -> app.counters().clientMessages.sum());
    each(out.counter("vertebra_channels_frames_sent_total", "WebSocket frames written to clients."),
        app -> app.counters().framesSent.sum());
    each(out.counter("vertebra_channels_frames_failed_total",
        "WebSocket frames whose write failed (broken connection)."), app -> app.counters().framesFailed.sum());
    each(out.counter("vertebra_channels_api_events_total",
        "Events triggered through the HTTP API, one per channel named in the trigger."),
        app -> app.counters().eventsPublished.sum());
    each(out.counter("vertebra_channels_deliveries_total",
        "Event messages queued for this node's subscribers by HTTP API triggers, on this node or (clustered) on "
            + "another (one per subscriber reached)."), app -> app.counters().deliveries.sum());
    each(out.counter("vertebra_channels_client_events_total", "Client events (client-*) relayed to their channel."),
        app -> app.counters().clientEvents.sum());
    each(out.gauge("vertebra_channels_client_events_per_second_limit",
        "Client events one connection may send per second (CHANNELS_CLIENT_EVENTS_PER_SECOND or the app's"
            + " max_client_events_per_second)."), app -> app.limits().clientEventsPerSecond());
    each(out.gauge("vertebra_channels_max_connections_limit",
        "Most simultaneous connections the app may hold (CHANNELS_MAX_CONNECTIONS or the app's max_connections)."),
        app -> app.limits().maxConnections());
    byCode(out.counter("vertebra_channels_protocol_errors_total",
        "pusher:error messages sent to clients, by protocol code (\"none\" when the protocol has no code)."),
        app -> app.counters().clientErrorsByCode);
    byCode(out.counter("vertebra_channels_api_requests_total", "HTTP API requests, by response status code "
        + "(429: over the app's API request limit; requests naming no known app are counted by the default app)."),
        app -> app.counters().apiResponses);
    each(out.gauge("vertebra_channels_api_requests_per_second_limit",
        "Signed HTTP API requests the app may make per second (CHANNELS_API_REQUESTS_PER_SECOND or the app's"
            + " max_api_requests_per_second; 0 = no limit)."), app -> app.apiBudget().perSecond());
    each(out.counter("vertebra_channels_cluster_errors_total",
        "Failed or dropped cluster (Redis) operations; always 0 on a node that is not clustered."),
        app -> app.counters().clusterErrors.sum());
    if (first.cluster() != ClusterBus.SINGLE_NODE) {
      each(out.gauge("vertebra_channels_cluster_connected", "1 while this node's Redis connection works, else 0."),
          app -> app.cluster().connected() ? 1 : 0);
    }
  }

  /** Subscription counts and watchlists: whether each app has them on, and what they do. */
  private void features(PrometheusText out) {
    each(out.gauge("vertebra_channels_subscription_count_enabled",
        "1 when the app sends pusher_internal:subscription_count (CHANNELS_SUBSCRIPTION_COUNT or the app's"
            + " enable_subscription_count), else 0."),
        app -> app.channels().subscriptionCounts().enabled() ? 1 : 0);
    each(out.counter("vertebra_channels_subscription_counts_sent_total",
        "Subscription counts sent (one per channel and change, fewer for throttled large channels)."),
        app -> app.channels().subscriptionCounts().sent());
    each(out.gauge("vertebra_channels_subscription_count_throttled_channels",
        "Channels of more than 100 subscribers inside a throttle window (one count per 5 s)."),
        app -> app.channels().subscriptionCounts().throttled());
    each(out.gauge("vertebra_channels_watchlist_events_enabled",
        "1 when the app sends watchlist online/offline events (CHANNELS_WATCHLIST_EVENTS or the app's"
            + " enable_watchlist_events), else 0."), app -> app.watchlists().enabled() ? 1 : 0);
    each(out.gauge("vertebra_channels_watchlist_online_users",
        "Distinct users signed in on this node (tracked when watchlist events are on)."),
        app -> app.watchlists().onlineUsers());
    each(out.counter("vertebra_channels_watchlist_events_sent_total",
        "pusher:watchlist_events messages sent to signed-in connections."), app -> app.watchlists().eventsSent());
  }

  /** What one app's occupied channels hold, from one pass over them. */
  private record Occupancy(Map<ChannelType, Integer> channels, long subscriptions, long members) {

    static Occupancy of(ChannelsApp app) {
      Map<ChannelType, Integer> channels = new EnumMap<>(ChannelType.class);
      for (ChannelType type : ChannelType.values()) {
        channels.put(type, 0);
      }
      long subscriptions = 0;
      long members = 0;
      for (Channel channel : app.channels().occupiedChannels(null)) {
        channels.merge(channel.type(), 1, Integer::sum);
        subscriptions += channel.subscriptionCount();
        if (channel.roster() != null) {
          members += channel.roster().size();
        }
      }
      return new Occupancy(channels, subscriptions, members);
    }
  }

  /** Channels by type, subscriptions and presence members. */
  private void occupancy(PrometheusText out) {
    Map<ChannelsApp, Occupancy> byApp = new java.util.LinkedHashMap<>();
    apps.forEach(app -> byApp.put(app, Occupancy.of(app)));
    out.gauge("vertebra_channels_channels", "Occupied channels, by type.");
    byApp.forEach((app, o) -> o.channels().forEach((type, count) -> out.sample(count, "app", id(app), "type",
        type.name().toLowerCase(Locale.ROOT))));
    each(out.gauge("vertebra_channels_subscriptions", "Channel subscriptions (one per connection and channel)."),
        app -> byApp.get(app).subscriptions());
    each(out.gauge("vertebra_channels_presence_members", "Distinct members summed over presence channels."),
        app -> byApp.get(app).members());
  }

  /** One sample of the family just started per app. */
  private void each(PrometheusText family, ToLongFunction<ChannelsApp> value) {
    for (ChannelsApp app : apps) {
      family.sample(value.applyAsLong(app), "app", id(app));
    }
  }

  /** Samples per app and code of the family just started. */
  private void byCode(PrometheusText family, Function<ChannelsApp, Map<Integer, LongAdder>> counts) {
    for (ChannelsApp app : apps) {
      for (Map.Entry<Integer, LongAdder> e : new TreeMap<>(counts.apply(app)).entrySet()) {
        int code = e.getKey();
        family.sample(e.getValue().sum(), "app", id(app), "code",
            code == ChannelsCounters.NO_CODE ? "none" : Integer.toString(code));
      }
    }
  }

  private static String id(ChannelsApp app) {
    return app.credentials().appId();
  }
}
