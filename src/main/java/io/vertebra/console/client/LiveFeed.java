package io.vertebra.console.client;

import io.vertebra.console.client.model.EventLog;
import io.vertebra.console.client.model.LogEntry;
import io.vertebra.console.client.model.ServerState;
import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.RealtimeChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Connects the console's models to its live feed: every {@code console:log} batch on the feed channel is appended
 * to the {@link EventLog}, and when an entry changes what the snapshot shows (connections, subscriptions) the
 * {@link ServerState} is fetched again. The snapshot is also fetched on (re)subscription, since batches published
 * while the feed was down are lost.
 */
public final class LiveFeed extends Events {

  private final EventLog log;
  private final ServerState state;

  /** Follows the feed channel of {@code notifier} for as long as this object listens. */
  public LiveFeed(Notifier notifier, EventLog log, ServerState state) {
    this.log = log;
    this.state = state;
    RealtimeChannel feed = notifier.channel(ConsoleApi.FEED_CHANNEL);
    listenTo(feed, ConsoleApi.LOG_EVENT, args -> onBatch(args[0]));
    listenTo(feed, Notifier.SUBSCRIPTION_SUCCEEDED, args -> state.refresh());
  }

  @SuppressWarnings("unchecked")
  private void onBatch(Object data) {
    if (!(data instanceof Map)) {
      return;
    }
    Map<String, Object> batch = (Map<String, Object>) data;
    Object dropped = batch.get(ConsoleApi.DROPPED);
    if (dropped instanceof Double) {
      log.addDropped((Double) dropped);
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    if (batch.get(ConsoleApi.ENTRIES) instanceof List) {
      for (Object entry : (List<Object>) batch.get(ConsoleApi.ENTRIES)) {
        if (entry instanceof Map) {
          entries.add((Map<String, Object>) entry);
        }
      }
    }
    boolean refresh = false;
    for (LogEntry added : log.append(entries)) {
      refresh |= added.changesState();
    }
    if (refresh) {
      state.refresh();
    }
  }
}
