package io.vertebra.channels.channel;

/**
 * What happens to channels, for observers such as webhooks or metrics. Called after the change, outside channel
 * locks; implementations must return quickly (queue slow work, e.g. HTTP deliveries).
 */
public interface ChannelListener {

  /** A listener that ignores everything. */
  ChannelListener NONE = new ChannelListener() {};

  /** The first subscriber joined {@code channel}. */
  default void channelOccupied(String channel) {}

  /** The last subscriber left {@code channel}. */
  default void channelVacated(String channel) {}

  /** A user's first connection joined a presence channel. */
  default void memberAdded(String channel, String userId) {}

  /** A user's last connection left a presence channel. */
  default void memberRemoved(String channel, String userId) {}

  /** A client subscribed to a cache channel that holds no event yet (the app may trigger one to fill it). */
  default void cacheMiss(String channel) {}

  /** The number of connections subscribed to {@code channel} is now {@code count} (when counting is enabled). */
  default void subscriptionCount(String channel, int count) {}

  /** A client event was relayed; {@code userId} is null outside presence channels. */
  default void clientEvent(String channel, String event, String data, String socketId, String userId) {}
}
