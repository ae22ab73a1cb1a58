package io.vertebra.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.Frames;

/** JSON helpers for test doubles that record frames. */
public final class TestJson {

  private TestJson() {}

  /** Parses {@code text}, failing the test when it is not JSON. */
  public static JsonNode parse(String text) {
    try {
      return Frames.JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** A frame's {@code data}, decoded when the server sent it as a JSON-encoded string. */
  public static JsonNode data(JsonNode frame) {
    JsonNode data = frame == null ? null : frame.get("data");
    return data != null && data.isTextual() ? parse(data.asText()) : data;
  }
}
