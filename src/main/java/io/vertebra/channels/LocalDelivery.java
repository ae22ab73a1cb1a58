package io.vertebra.channels;

import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.connection.Connection;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;

/**
 * What reaches this node's own clients, the one path for what happened here (the HTTP API, a client's own event)
 * and what another node of a cluster forwarded, so both deliver alike: an event's frame is built once per channel,
 * kept as the last event of a cache channel, queued for every subscriber except the excluded socket, and counted;
 * a relayed client event goes out as it is; a terminated user's connections are closed with 4009. Telling the
 * cluster, the webhooks and the console is the caller's part: only the node where it happened does that.
 */
public final class LocalDelivery {

  private final ChannelsApp app;

  /** The local delivery of {@code app}. */
  public LocalDelivery(ChannelsApp app) {
    this.app = app;
  }

  /**
   * Delivers event {@code event} with {@code data} on {@code channel} to this node's subscribers except
   * {@code exceptSocketId} (may be null); returns how many it was queued for.
   */
  public int event(String channel, String event, String data, String exceptSocketId) {
    String frame = Frames.event(channel, event, data);
    if (ChannelNames.isCache(channel)) {
      app.cache().put(channel, frame, app.clock().millis());
    }
    int delivered = relay(channel, frame, exceptSocketId);
    app.counters().delivered(delivered);
    return delivered;
  }

  /**
   * Queues {@code frame}, ready to send, for this node's subscribers of {@code channel} except
   * {@code exceptSocketId} (may be null); returns how many. Client events go this way: not counted as deliveries.
   */
  public int relay(String channel, String frame, String exceptSocketId) {
    Channel found = app.channels().find(channel);
    return found == null ? 0 : found.broadcast(frame, exceptSocketId);
  }

  /** Closes every connection of {@code userId} on this node (4009: the client does not reconnect). */
  public void terminate(String userId) {
    for (Connection c : app.connections().ofUser(userId)) {
      c.close(ErrorCode.UNAUTHORIZED, "Connection terminated by the server for user " + userId);
    }
  }
}
