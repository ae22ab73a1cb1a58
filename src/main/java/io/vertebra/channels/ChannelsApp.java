package io.vertebra.channels;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.SocketAuthenticator;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.ChannelRegistry;
import io.vertebra.channels.channel.EventCache;
import io.vertebra.channels.connection.ConnectionRegistry;
import io.vertebra.channels.limits.Limits;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The state of the one app this server hosts, shared by the WebSocket side and the HTTP API: credentials, limits,
 * channels, connections and the cache of cache channels.
 *
 * @param scheduler a small pool for timers and for closing connections off the send path
 * @param counters running totals for monitoring
 * @param observer the live observer of everything that happens (the debug console), none by default
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
    ObserverSlot observer) {

  /** Builds the state for an app with empty registries. */
  public static ChannelsApp create(AppCredentials credentials, Limits limits, ChannelListener listener, Clock clock,
      ScheduledExecutorService scheduler) {
    return new ChannelsApp(credentials, limits, new ChannelRegistry(listener),
        new ConnectionRegistry(limits.maxConnections()), new EventCache(), listener,
        new SocketAuthenticator(credentials), clock, scheduler, new ChannelsCounters(), new ObserverSlot());
  }
}
