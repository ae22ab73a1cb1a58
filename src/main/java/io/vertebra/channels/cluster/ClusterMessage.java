package io.vertebra.channels.cluster;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node tells the others over the Redis bus, as compact JSON: a triggered event (once per trigger, with
 * all its channels), a relayed client event (the finished frame), a presence change, a terminated user, or the
 * channels whose messages the sender could not publish (so their subscribers re-fetch). Every message names its
 * sending node instance so a node skips its own. {@link Type#SUBSCRIPTIONS} carries the sender's new subscription
 * counts of its channels (their counts, comma-separated, in {@code data}).
 *
 * @param type what happened
 * @param node the sending node's instance id
 * @param channels the channels concerned (one, except for {@link Type#EVENT} and {@link Type#RESYNC}); empty for
 *     {@link Type#TERMINATE}, and for a {@link Type#RESYNC} that concerns every channel
 * @param event the event name ({@link Type#EVENT})
 * @param data the event data ({@link Type#EVENT}) or the frame to relay ({@link Type#CLIENT_EVENT})
 * @param exceptSocketId the socket not to deliver to, or null
 * @param userId the user ({@link Type#MEMBER_ADDED}, {@link Type#MEMBER_REMOVED}, {@link Type#TERMINATE})
 * @param userInfo the member's user_info ({@link Type#MEMBER_ADDED}), or null
 */
public record ClusterMessage(Type type, String node, List<String> channels, String event, String data,
    String exceptSocketId, String userId, JsonNode userInfo) {

  /** The kinds of message, with their wire names. */
  public enum Type {
    EVENT("event"), CLIENT_EVENT("client_event"), MEMBER_ADDED("member_added"), MEMBER_REMOVED("member_removed"),
    TERMINATE("terminate"), RESYNC("resync"), SUBSCRIPTIONS("subscriptions");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    static Type of(String wire) {
      for (Type t : values()) {
        if (t.wire.equals(wire)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown cluster message type '" + wire + "'");
    }
  }

  /** An event triggered through the HTTP API. */
  public static ClusterMessage event(String node, List<String> channels, String event, String data,
      String exceptSocketId) {
    return new ClusterMessage(Type.EVENT, node, List.copyOf(channels), event, data, exceptSocketId, null, null);
  }

  /** A client event, as the frame to relay. */
  public static ClusterMessage clientEvent(String node, String channel, String frame, String senderSocketId) {
    return new ClusterMessage(Type.CLIENT_EVENT, node, List.of(channel), null, frame, senderSocketId, null, null);
  }

  /** A user joined presence {@code channel} cluster-wide. */
  public static ClusterMessage memberAdded(String node, String channel, String userId, JsonNode userInfo) {
    return new ClusterMessage(Type.MEMBER_ADDED, node, List.of(channel), null, null, null, userId, userInfo);
  }

  /** A user left presence {@code channel} cluster-wide. */
  public static ClusterMessage memberRemoved(String node, String channel, String userId) {
    return new ClusterMessage(Type.MEMBER_REMOVED, node, List.of(channel), null, null, null, userId, null);
  }

  /** Every connection of {@code userId} is to be closed. */
  public static ClusterMessage terminate(String node, String userId) {
    return new ClusterMessage(Type.TERMINATE, node, List.of(), null, null, null, userId, null);
  }

  /**
   * The sender could not publish messages for {@code channels} (all channels when empty): their subscribers
   * elsewhere missed something.
   */
  public static ClusterMessage resync(String node, List<String> channels) {
    return new ClusterMessage(Type.RESYNC, node, List.copyOf(channels), null, null, null, null, null);
  }

  /** The sender's subscription counts of {@code counts}' channels now (0: none left). */
  public static ClusterMessage subscriptions(String node, Map<String, Integer> counts) {
    List<String> channels = List.copyOf(counts.keySet());
    StringBuilder data = new StringBuilder();
    channels.forEach(c -> data.append(data.length() == 0 ? "" : ",").append(counts.get(c)));
    return new ClusterMessage(Type.SUBSCRIPTIONS, node, channels, null, data.toString(), null, null, null);
  }

  /** The counts of a {@link Type#SUBSCRIPTIONS} message, by channel. */
  public Map<String, Integer> counts() {
    String[] values = data.split(",");
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      counts.put(channels.get(i), Integer.parseInt(values[i]));
    }
    return counts;
  }

  /** The first (for most types, the only) channel. */
  public String channel() {
    return channels.get(0);
  }

  /** The JSON text sent over Redis. */
  public String encode() {
    ObjectNode root = Frames.JSON.createObjectNode().put("type", type.wire).put("node", node);
    ArrayNode array = root.putArray("channels");
    channels.forEach(array::add);
    putIfSet(root, "event", event);
    putIfSet(root, "data", data);
    putIfSet(root, "except", exceptSocketId);
    putIfSet(root, "user_id", userId);
    if (userInfo != null) {
      root.set("user_info", userInfo);
    }
    return Frames.stringify(root);
  }

  /**
   * Parses a message from the bus.
   *
   * @throws IllegalArgumentException when the text is not a well-formed message (another program on the bus)
   */
  public static ClusterMessage decode(String text) {
    JsonNode root;
    try {
      root = Frames.JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cluster message is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("cluster message is not a JSON object");
    }
    Type type = Type.of(required(root, "type"));
    List<String> channels = new ArrayList<>();
    JsonNode array = root.get("channels");
    if (array != null && array.isArray()) {
      array.forEach(c -> channels.add(c.asText()));
    }
    ClusterMessage message = new ClusterMessage(type, required(root, "node"), List.copyOf(channels),
        optional(root, "event"), optional(root, "data"), optional(root, "except"), optional(root, "user_id"),
        root.get("user_info"));
    message.check();
    return message;
  }

  private void check() {
    boolean ok = switch (type) {
      case EVENT -> !channels.isEmpty() && event != null && data != null;
      case CLIENT_EVENT -> channels.size() == 1 && data != null;
      case MEMBER_ADDED, MEMBER_REMOVED -> channels.size() == 1 && userId != null;
      case TERMINATE -> userId != null;
      case RESYNC -> true;
      case SUBSCRIPTIONS -> !channels.isEmpty() && data != null && data.matches("\\d{1,9}(,\\d{1,9})*")
          && data.split(",").length == channels.size();
    };
    if (!ok) {
      throw new IllegalArgumentException("cluster message " + type.wire + " lacks required fields");
    }
  }

  private static void putIfSet(ObjectNode root, String field, String value) {
    if (value != null) {
      root.put(field, value);
    }
  }

  private static String required(JsonNode root, String field) {
    String value = optional(root, field);
    if (value == null) {
      throw new IllegalArgumentException("cluster message lacks '" + field + "'");
    }
    return value;
  }

  private static String optional(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
