package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.TestJson;
import io.vertebra.channels.protocol.OutgoingFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscriber that keeps every frame it is sent, parsed, for assertions. */
public final class RecordingSubscriber implements Subscriber {

  private final String socketId;
  private final List<String> frames = new CopyOnWriteArrayList<>();

  public RecordingSubscriber(String socketId) {
    this.socketId = socketId;
  }

  @Override
  public String socketId() {
    return socketId;
  }

  @Override
  public void send(OutgoingFrame frame) {
    frames.add(frame.text());
  }

  /** The frames received, as sent. */
  public List<String> texts() {
    return List.copyOf(frames);
  }

  /** The frames received, as JSON. */
  public List<JsonNode> frames() {
    return frames.stream().map(TestJson::parse).toList();
  }

  /** The event names received, in order. */
  public List<String> events() {
    return frames().stream().map(f -> f.path("event").asText()).toList();
  }

  /** The {@code data} of the last frame named {@code event}, decoded when it is a JSON string. */
  public JsonNode lastData(String event) {
    JsonNode found = null;
    for (JsonNode f : frames()) {
      if (event.equals(f.path("event").asText())) {
        found = f;
      }
    }
    return TestJson.data(found);
  }

  public void clear() {
    frames.clear();
  }
}
