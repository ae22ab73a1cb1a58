package io.vertebra.channels;

import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.PrometheusText;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The channels server's metrics for {@code /metrics}: connections, channels by type, subscriptions, presence
 * members, frames and events in and out, and errors by protocol code. Totals come from {@link ChannelsCounters};
 * gauges walk the registries once per scrape (no locks beyond each presence roster's own, briefly).
 */
public final class ChannelsMetrics implements MetricSource {

  private final ChannelsApp app;

  /** Metrics of {@code app}. */
  public ChannelsMetrics(ChannelsApp app) {
    this.app = app;
  }

  @Override
  public void collect(PrometheusText out) {
    ChannelsCounters c = app.counters();
    out.gauge("vertebra_channels_connections", "Open WebSocket connections.").sample(app.connections().size());
    out.counter("vertebra_channels_connections_opened_total", "WebSocket connections accepted since start.")
        .sample(c.connectionsOpened.sum());
    byCode(out.counter("vertebra_channels_connections_rejected_total",
        "WebSocket connections refused at once, by protocol close code (4001 unknown key, 4004 over quota, "
            + "4100 shutting down, 4005-4008 bad path or protocol)."), c.connectionsRejected);
    byCode(out.counter("vertebra_channels_connections_closed_by_server_total",
        "Established connections the server closed, by close code (4100 slow reader, 4200 shutdown, "
            + "4201 no pong, 4009 terminated)."), c.connectionsClosedByServer);
    out.gauge("vertebra_channels_admitting_connections",
        "1 while new connections are admitted, 0 while the heap after collection is over"
            + " CHANNELS_MEMORY_LIMIT_PERCENT (they get 4100).")
        .sample(app.connections().memory().admits() ? 1 : 0);
    out.gauge("vertebra_channels_heap_after_gc_bytes",
        "Heap in use right after the last garbage collection (-1 before the first).")
        .sample(app.connections().memory().heapAfterCollectionBytes());
    occupancy(out);
    out.counter("vertebra_channels_frames_received_total", "WebSocket frames received from clients.")
        .sample(c.clientMessages.sum());
    out.counter("vertebra_channels_frames_sent_total", "WebSocket frames written to clients.")
        .sample(c.framesSent.sum());
    out.counter("vertebra_channels_frames_failed_total", "WebSocket frames whose write failed (broken connection).")
        .sample(c.framesFailed.sum());
    out.counter("vertebra_channels_api_events_total",
        "Events triggered through the HTTP API, one per channel named in the trigger.")
        .sample(c.eventsPublished.sum());
    out.counter("vertebra_channels_deliveries_total",
        "Event messages queued for this node's subscribers by HTTP API triggers, on this node or (clustered) on "
            + "another (one per subscriber reached).")
        .sample(c.deliveries.sum());
    out.counter("vertebra_channels_client_events_total", "Client events (client-*) relayed to their channel.")
        .sample(c.clientEvents.sum());
    byCode(out.counter("vertebra_channels_protocol_errors_total",
        "pusher:error messages sent to clients, by protocol code (\"none\" when the protocol has no code)."),
        c.clientErrorsByCode);
    byCode(out.counter("vertebra_channels_api_requests_total", "HTTP API requests, by response status code."),
        c.apiResponses);
    out.counter("vertebra_channels_cluster_errors_total",
        "Failed or dropped cluster (Redis) operations; always 0 on a node that is not clustered.")
        .sample(c.clusterErrors.sum());
    if (app.cluster() != ClusterBus.SINGLE_NODE) {
      out.gauge("vertebra_channels_cluster_connected", "1 while this node's Redis connection works, else 0.")
          .sample(app.cluster().connected() ? 1 : 0);
    }
  }

  /** Channels by type, subscriptions and presence members: one pass over the occupied channels. */
  private void occupancy(PrometheusText out) {
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
    out.gauge("vertebra_channels_channels", "Occupied channels, by type.");
    channels.forEach((type, count) -> out.sample(count, "type", type.name().toLowerCase(Locale.ROOT)));
    out.gauge("vertebra_channels_subscriptions", "Channel subscriptions (one per connection and channel).")
        .sample(subscriptions);
    out.gauge("vertebra_channels_presence_members", "Distinct members summed over presence channels.")
        .sample(members);
  }

  private static void byCode(PrometheusText out, Map<Integer, LongAdder> counts) {
    for (Map.Entry<Integer, LongAdder> e : new TreeMap<>(counts).entrySet()) {
      int code = e.getKey();
      out.sample(e.getValue().sum(), "code", code == ChannelsCounters.NO_CODE ? "none" : Integer.toString(code));
    }
  }
}
