package io.vertebra.channels.channel;

/**
 * What the HTTP API reports about an occupied channel.
 *
 * @param subscriptionCount subscribed connections
 * @param userCount distinct presence members (0 outside presence channels)
 */
public record ChannelSummary(int subscriptionCount, int userCount) {

  /** Adds another node's share. */
  public ChannelSummary plus(ChannelSummary other) {
    return new ChannelSummary(subscriptionCount + other.subscriptionCount, userCount + other.userCount);
  }
}
