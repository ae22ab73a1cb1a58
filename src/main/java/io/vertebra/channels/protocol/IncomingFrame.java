package io.vertebra.channels.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A frame a client sent: {@code {"event": ..., "channel": ..., "data": ...}}. {@code data} is kept as JSON because
 * clients send objects for {@code pusher:*} events and anything for client events.
 */
public record IncomingFrame(String event, String channel, JsonNode data) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses a text frame; rejects anything that is not an object with a string {@code event}. */
  public static IncomingFrame parse(String text) throws ProtocolException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new ProtocolException(null, "Invalid JSON frame");
    }
    if (root == null || !root.isObject() || !root.path("event").isTextual()) {
      throw new ProtocolException(null, "A frame must be a JSON object with a string 'event'");
    }
    JsonNode channel = root.get("channel");
    if (channel != null && !channel.isTextual() && !channel.isNull()) {
      throw new ProtocolException(null, "'channel' must be a string");
    }
    return new IncomingFrame(root.get("event").asText(), channel == null || channel.isNull() ? null
        : channel.asText(), root.get("data"));
  }

  /**
   * The {@code data} as an object; pusher-js sends an object, some clients a JSON string of one (accepted too).
   */
  public JsonNode dataObject() throws ProtocolException {
    JsonNode node = data;
    if (node != null && node.isTextual()) {
      try {
        node = JSON.readTree(node.asText());
      } catch (JacksonException e) {
        throw new ProtocolException(null, "'data' of " + event + " must be a JSON object");
      }
    }
    if (node == null || !node.isObject()) {
      throw new ProtocolException(null, "'data' of " + event + " must be a JSON object");
    }
    return node;
  }

  /** A text field of {@link #dataObject()}, or null when absent. */
  public String dataText(String field) throws ProtocolException {
    JsonNode value = dataObject().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ProtocolException(null, "'" + field + "' of " + event + " must be a string");
    }
    return value.asText();
  }
}
