package io.vertebra.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.Frames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** Pusher-protocol sockets over wss with the JDK client, for the TLS tests: whole text frames collected as JSON. */
final class WssFrames {

  private WssFrames() {}

  /** Opens {@code url} trusting {@code tls}, with {@code headers}; every whole text frame goes to {@code frames}. */
  static WebSocket open(SSLContext tls, String url, Map<String, String> headers,
      BlockingQueue<JsonNode> frames) throws Exception {
    WebSocket.Builder builder = HttpClient.newBuilder().sslContext(tls).build().newWebSocketBuilder();
    headers.forEach(builder::header);
    return builder.buildAsync(URI.create(url), new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          try {
            frames.add(Frames.JSON.readTree(partial.toString()));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          partial.setLength(0);
        }
        socket.request(1);
        return CompletableFuture.completedFuture(null);
      }
    }).get(10, TimeUnit.SECONDS);
  }

  /** The next frame named {@code event} (any frame when null) within 15 s. */
  static JsonNode next(BlockingQueue<JsonNode> frames, String event) throws InterruptedException {
    long end = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < end) {
      JsonNode frame = frames.poll(end - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
      if (frame != null && (event == null || event.equals(frame.path("event").asText()))) {
        return frame;
      }
    }
    throw new AssertionError("no " + (event == null ? "frame" : event) + " within 15 s");
  }
}
