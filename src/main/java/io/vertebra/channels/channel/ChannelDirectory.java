package io.vertebra.channels.channel;

import java.util.List;
import java.util.Map;

/** The channel queries of the HTTP API: which channels are occupied, how many subscribers, which members. */
public interface ChannelDirectory {

  /** The occupied channels whose names start with {@code prefix} (all when null or empty), by name. */
  Map<String, ChannelSummary> occupied(String prefix);

  /** The summary of {@code channel}, or null when nobody is subscribed. */
  ChannelSummary summary(String channel);

  /** The user ids of presence {@code channel} (empty when unoccupied). */
  List<String> userIds(String channel);
}
