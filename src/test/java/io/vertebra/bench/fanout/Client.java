package io.vertebra.bench.fanout;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One lightweight WebSocket client (java.net.http): joins text fragments, hands each whole message to
 * {@link Deliveries}, and when speaking the Pusher protocol subscribes to the channel once the connection is
 * established. {@link #ready()} completes when the client can receive events.
 */
final class Client implements WebSocket.Listener {

  private final Deliveries deliveries;
  private final String channel;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();

  /** {@code channel} null for the bare baseline (ready as soon as open). */
  Client(Deliveries deliveries, String channel) {
    this.deliveries = deliveries;
    this.channel = channel;
  }

  CompletableFuture<Void> ready() {
    return ready;
  }

  @Override
  public void onOpen(WebSocket ws) {
    if (channel == null) {
      ready.complete(null);
    }
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String message = partial.toString();
      partial.setLength(0);
      if (!deliveries.record(message) && channel != null) {
        control(ws, message);
      }
    }
    ws.request(1);
    return null;
  }

  private void control(WebSocket ws, String message) {
    if (message.contains("\"pusher:connection_established\"")) {
      ws.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}", true);
    } else if (message.contains("\"pusher_internal:subscription_succeeded\"")) {
      ready.complete(null);
    } else if (message.contains("\"pusher:ping\"")) {
      ws.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
    } else if (message.contains("\"pusher:error\"")) {
      ready.completeExceptionally(new IllegalStateException("server error: " + message));
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
    ready.completeExceptionally(new IllegalStateException("closed " + status + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    ready.completeExceptionally(error);
  }
}
