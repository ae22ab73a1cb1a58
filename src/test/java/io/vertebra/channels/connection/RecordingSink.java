package io.vertebra.channels.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.TestJson;
import io.vertebra.channels.protocol.OutgoingFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport that records frames. In auto-complete mode every send succeeds at once; otherwise sends stay
 * pending (a client that does not read) until {@link #completeAll()}.
 */
public final class RecordingSink implements FrameSink {

  private final boolean autoComplete;
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final List<Completion> pending = new ArrayList<>();
  public volatile Integer closeCode;

  public RecordingSink(boolean autoComplete) {
    this.autoComplete = autoComplete;
  }

  @Override
  public synchronized void send(OutgoingFrame frame, Completion completion) {
    sent.add(frame.text());
    if (autoComplete) {
      completion.sent();
    } else {
      pending.add(completion);
    }
  }

  @Override
  public void close(int code, String reason) {
    closeCode = code;
  }

  public synchronized void completeAll() {
    pending.forEach(Completion::sent);
    pending.clear();
  }

  public List<JsonNode> frames() {
    return sent.stream().map(TestJson::parse).toList();
  }

  public List<String> events() {
    return frames().stream().map(f -> f.path("event").asText()).toList();
  }

  /** The last frame named {@code event}, or null. */
  public JsonNode last(String event) {
    JsonNode found = null;
    for (JsonNode f : frames()) {
      if (event.equals(f.path("event").asText())) {
        found = f;
      }
    }
    return found;
  }

  /** The {@code data} of the last frame named {@code event}, decoded when it is a JSON string; null if none. */
  public JsonNode data(String event) {
    return TestJson.data(last(event));
  }

  public int sentCount() {
    return sent.size();
  }

  public void clear() {
    sent.clear();
  }
}
