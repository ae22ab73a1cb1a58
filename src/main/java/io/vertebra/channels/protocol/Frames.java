package io.vertebra.channels.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the frames the server sends, serialized once so a broadcast reuses the same text for every subscriber.
 * As in hosted Pusher, {@code data} of server frames is a JSON-encoded string, except {@code pusher:error}.
 */
public final class Frames {

  /** The shared JSON mapper (thread-safe once configured). */
  public static final ObjectMapper JSON = new ObjectMapper();

  private Frames() {}

  /**
   * {@code pusher:connection_established}. Sent once per connection, so in a reconnect storm once per handshake:
   * written from a template, not through a JSON tree, when the socket id needs no escaping (ours are digits and a
   * dot); {@code FramesTest} pins it to the tree's output.
   */
  public static String connectionEstablished(String socketId, int activityTimeoutSeconds) {
    if (!isPlain(socketId)) {
      ObjectNode data = JSON.createObjectNode().put("socket_id", socketId)
          .put("activity_timeout", activityTimeoutSeconds);
      return frame("pusher:connection_established", null, stringify(data));
    }
    return "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"" + socketId
        + "\\\",\\\"activity_timeout\\\":" + activityTimeoutSeconds + "}\"}";
  }

  /** {@code pusher:error}; {@code code} may be null. */
  public static String error(Integer code, String message) {
    ObjectNode root = JSON.createObjectNode().put("event", "pusher:error");
    ObjectNode data = root.putObject("data").put("message", message);
    if (code == null) {
      data.putNull("code");
    } else {
      data.put("code", code);
    }
    return stringify(root);
  }

  /** {@code pusher:ping} (server-initiated keep-alive). */
  public static String ping() {
    return frame("pusher:ping", null, "{}");
  }

  /** {@code pusher:pong}, the answer to a client's ping. */
  public static String pong() {
    return frame("pusher:pong", null, "{}");
  }

  /** {@code pusher_internal:subscription_succeeded}; {@code data} is the presence block or an empty object. */
  public static String subscriptionSucceeded(String channel, JsonNode data) {
    return frame("pusher_internal:subscription_succeeded", channel, stringify(data));
  }

  /**
   * {@code pusher_internal:subscription_succeeded} with empty data (every channel but presence): from a template when
   * the name needs no escaping (every valid channel name), like {@link #connectionEstablished}.
   */
  public static String subscriptionSucceeded(String channel) {
    if (!isPlain(channel)) {
      return subscriptionSucceeded(channel, JSON.createObjectNode());
    }
    return "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"" + channel + "\",\"data\":\"{}\"}";
  }

  /** {@code pusher:subscription_error} on a channel, in the shape pusher-js emits for failed authorizations. */
  public static String subscriptionError(String channel, String type, String error, int status) {
    ObjectNode data = JSON.createObjectNode().put("type", type).put("error", error).put("status", status);
    return frame("pusher:subscription_error", channel, stringify(data));
  }

  /** {@code pusher_internal:member_added}. */
  public static String memberAdded(String channel, String userId, JsonNode userInfo) {
    ObjectNode data = JSON.createObjectNode().put("user_id", userId);
    if (userInfo != null) {
      data.set("user_info", userInfo);
    }
    return frame("pusher_internal:member_added", channel, stringify(data));
  }

  /** {@code pusher_internal:member_removed}. */
  public static String memberRemoved(String channel, String userId) {
    return frame("pusher_internal:member_removed", channel,
        stringify(JSON.createObjectNode().put("user_id", userId)));
  }

  /** {@code pusher_internal:subscription_count}: how many connections are subscribed to {@code channel}. */
  public static String subscriptionCount(String channel, int count) {
    return frame("pusher_internal:subscription_count", channel,
        stringify(JSON.createObjectNode().put("subscription_count", count)));
  }

  /** {@code pusher_internal:watchlist_events}: {@code data} is {@code {"events": [...]}}. */
  public static String watchlistEvents(JsonNode data) {
    return frame("pusher_internal:watchlist_events", null, stringify(data));
  }

  /** {@code pusher:signin_success} carrying the user data string the client signed in with. */
  public static String signinSuccess(String userData) {
    return frame("pusher:signin_success", null, stringify(JSON.createObjectNode().put("user_data", userData)));
  }

  /** {@code pusher:cache_miss}: a cache channel had nothing to replay. */
  public static String cacheMiss(String channel) {
    ObjectNode root = JSON.createObjectNode().put("event", "pusher:cache_miss").put("channel", channel);
    return stringify(root);
  }

  /** An application event triggered through the HTTP API; {@code data} is the string the publisher sent. */
  public static String event(String channel, String name, String data) {
    return frame(name, channel, data);
  }

  /** A client event relayed as received, with {@code user_id} added on presence channels. */
  public static String clientEvent(String channel, String name, JsonNode data, String userId) {
    ObjectNode root = JSON.createObjectNode().put("event", name).put("channel", channel);
    root.set("data", data);
    if (userId != null) {
      root.put("user_id", userId);
    }
    return stringify(root);
  }

  /** Whether {@code text} can stand in a JSON string, even one nested in another, with no escaping. */
  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || "_-=@,.;".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static String frame(String event, String channel, String data) {
    ObjectNode root = JSON.createObjectNode().put("event", event);
    if (channel != null) {
      root.put("channel", channel);
    }
    root.put("data", data);
    return stringify(root);
  }

  /** Serializes a JSON tree (never fails for trees built in memory). */
  public static String stringify(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an in-memory JSON tree always serializes", e);
    }
  }
}
