package io.vertebra.channels.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.channel.ChannelSummary;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.protocol.Frames;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code info} parameter of the HTTP API ({@code user_count}, {@code subscription_count}): which attributes
 * were asked for, and their values for a channel. {@code user_count} only exists for presence channels.
 */
final class InfoAttributes {

  private static final Set<String> KNOWN = Set.of("user_count", "subscription_count");

  private final Set<String> requested;

  private InfoAttributes(Set<String> requested) {
    this.requested = requested;
  }

  /** Parses a comma-separated {@code info} value (null or empty = nothing). */
  static InfoAttributes parse(String info) throws ApiException {
    Set<String> requested = new LinkedHashSet<>();
    if (info != null && !info.isBlank()) {
      for (String attribute : info.split(",")) {
        String a = attribute.trim();
        if (!KNOWN.contains(a)) {
          throw ApiException.badRequest("Unknown info attribute '" + a + "' (supported: user_count, "
              + "subscription_count)");
        }
        requested.add(a);
      }
    }
    return new InfoAttributes(requested);
  }

  boolean isEmpty() {
    return requested.isEmpty();
  }

  boolean wantsUserCount() {
    return requested.contains("user_count");
  }

  /** Rejects user_count for a channel that is not a presence channel. */
  void checkApplicable(String channelName) throws ApiException {
    if (wantsUserCount() && ChannelType.of(channelName) != ChannelType.PRESENCE) {
      throw ApiException.badRequest("info=user_count is only available for presence channels");
    }
  }

  /** The requested attributes of a channel ({@code summary} null = unoccupied) written into {@code target}. */
  ObjectNode write(String channelName, ChannelSummary summary, ObjectNode target) {
    if (requested.contains("user_count") && ChannelType.of(channelName) == ChannelType.PRESENCE) {
      target.put("user_count", summary == null ? 0 : summary.userCount());
    }
    if (requested.contains("subscription_count")) {
      target.put("subscription_count", summary == null ? 0 : summary.subscriptionCount());
    }
    return target;
  }

  /** A fresh object with the attributes of a channel ({@code summary} null = unoccupied). */
  ObjectNode of(String channelName, ChannelSummary summary) {
    return write(channelName, summary, Frames.JSON.createObjectNode());
  }
}
