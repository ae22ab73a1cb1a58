package io.vertebra.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reading Pusher client for load tests (java.net.http, one shared HttpClient for thousands): subscribes to one
 * channel, answers pings, counts the events named {@code tick} and their delivery latency (the trigger puts its
 * send time in {@code data.t}), and keeps the error codes and the close code it receives.
 */
final class LoadSocket implements WebSocket.Listener {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  final CompletableFuture<String> subscribed = new CompletableFuture<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  final AtomicInteger ticks = new AtomicInteger();
  final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<Integer> errorCodes = new ConcurrentLinkedQueue<>();
  private final String channel;
  private final Authorizer authorizer;
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;
  private volatile String socketId;

  /** Signs private channel subscriptions: {@code auth} for (socket id, channel). */
  interface Authorizer {
    String auth(String socketId, String channel);
  }

  private LoadSocket(String channel, Authorizer authorizer) {
    this.channel = channel;
    this.authorizer = authorizer;
  }

  /** Connects to {@code ws://127.0.0.1:port/app/key}; the subscription follows by itself. */
  static LoadSocket connect(int port, String key, String channel, Authorizer authorizer) {
    LoadSocket client = new LoadSocket(channel, authorizer);
    HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7"),
        client).whenComplete((ws, error) -> {
          if (error != null) {
            client.subscribed.completeExceptionally(error);
            client.closed.completeExceptionally(error);
          }
        });
    return client;
  }

  void send(String frame) {
    socket.sendText(frame, true).join();
  }

  String socketId() {
    return socketId;
  }

  @Override
  public void onOpen(WebSocket ws) {
    socket = ws;
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      try {
        handle(ws, JSON.readTree(text));
      } catch (Exception e) {
        errorCodes.add(-1);
      }
    }
    ws.request(1);
    return null;
  }

  private void handle(WebSocket ws, JsonNode frame) throws Exception {
    String event = frame.path("event").asText();
    switch (event) {
      case "tick" -> {
        long sent = JSON.readTree(frame.path("data").asText()).path("t").asLong();
        latenciesMicros.add(Math.max(0, (System.nanoTime() / 1_000 - sent)));
        ticks.incrementAndGet();
      }
      case "pusher:connection_established" -> {
        socketId = JSON.readTree(frame.path("data").asText()).path("socket_id").asText();
        String auth = authorizer == null ? "" : ",\"auth\":\"" + authorizer.auth(socketId, channel) + "\"";
        ws.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"" + auth + "}}", true);
      }
      case "pusher_internal:subscription_succeeded" -> subscribed.complete(socketId);
      case "pusher:ping" -> ws.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
      case "pusher:error" -> errorCodes.add(frame.path("data").path("code").asInt(0));
      default -> { }
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
    closed.complete(status);
    subscribed.completeExceptionally(new IllegalStateException("closed " + status + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.completeExceptionally(error);
    subscribed.completeExceptionally(error);
  }

  void abort() {
    if (socket != null) {
      socket.abort();
    }
  }
}
