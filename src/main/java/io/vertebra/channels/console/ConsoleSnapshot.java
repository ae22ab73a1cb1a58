package io.vertebra.channels.console;

import static io.vertebra.console.shared.ConsoleApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.PresenceRoster;
import io.vertebra.channels.protocol.Frames;
import java.util.Comparator;
import java.util.List;

/**
 * The state the console shows, as JSON: {@code {embedded, connections, channels: [{name, type, subscriptions,
 * members?: [{id, info}]}], truncated}}. Channels are sorted by name and capped (a server with a million channels
 * must not build a million-entry answer); the console's own feed channel is left out.
 */
final class ConsoleSnapshot {

  /** Most channels listed. */
  static final int MAX_CHANNELS = 500;

  private ConsoleSnapshot() {}

  /** The snapshot of {@code app} now. */
  static ObjectNode of(ChannelsApp app) {
    ObjectNode snapshot = Frames.JSON.createObjectNode();
    snapshot.put(EMBEDDED, true);
    snapshot.put(CONNECTIONS, app.connections().size());
    List<Channel> channels = app.channels().occupiedChannels(null).stream()
        .filter(c -> !FEED_CHANNEL.equals(c.name()))
        .sorted(Comparator.comparing(Channel::name))
        .toList();
    ArrayNode list = snapshot.putArray(CHANNELS);
    channels.stream().limit(MAX_CHANNELS).forEach(c -> list.add(channel(c)));
    snapshot.put(TRUNCATED, channels.size() > MAX_CHANNELS);
    return snapshot;
  }

  private static ObjectNode channel(Channel channel) {
    ObjectNode node = Frames.JSON.createObjectNode();
    node.put(NAME, channel.name());
    node.put(TYPE, channel.type().name().toLowerCase(java.util.Locale.ROOT));
    node.put(SUBSCRIPTIONS, channel.subscriptionCount());
    PresenceRoster roster = channel.roster();
    if (roster != null) {
      ArrayNode members = node.putArray(MEMBERS);
      JsonNode presence = roster.snapshot();
      for (JsonNode id : presence.path("ids")) {
        ObjectNode member = members.addObject();
        member.put(ID, id.asText());
        member.set(INFO, presence.path("hash").path(id.asText()));
      }
    }
    return node;
  }
}
