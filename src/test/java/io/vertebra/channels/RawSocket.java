package io.vertebra.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.Frames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A bare WebSocket client (JDK) for sending what no Pusher library would: malformed frames, wrong paths, a client
 * that stops reading. Text messages are parsed into a queue; the close code is recorded.
 */
public final class RawSocket implements AutoCloseable {

  // One JDK client (and its threads) for all sockets of a test run: fan-out tests open hundreds.
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public final BlockingDeque<JsonNode> frames = new LinkedBlockingDeque<>();
  public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  /** The payloads of the pongs the server sent. */
  public final BlockingDeque<java.nio.ByteBuffer> pongs = new LinkedBlockingDeque<>();
  private final WebSocket socket;
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean reading;

  private RawSocket(String url, boolean reading) {
    this(url, reading, java.util.Map.of());
  }

  private RawSocket(String url, boolean reading, java.util.Map<String, String> headers) {
    this.reading = reading;
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    headers.forEach(builder::header);
    this.socket = builder.buildAsync(URI.create(url), new Listener()).join();
  }

  /** Connects to {@code path} on a loopback {@code port} as a page of {@code origin} would (its Origin header). */
  public static RawSocket openFrom(String origin, int port, String path) {
    return new RawSocket("ws://127.0.0.1:" + port + path, true, java.util.Map.of("Origin", origin));
  }

  /** Connects to {@code path} on a loopback {@code port} with extra request {@code headers} (Origin, proxies'). */
  public static RawSocket openWith(java.util.Map<String, String> headers, int port, String path) {
    return new RawSocket("ws://127.0.0.1:" + port + path, true, headers);
  }

  /** Connects to {@code path} (e.g. {@code /app/KEY?protocol=7}) and reads continuously. */
  public static RawSocket open(ChannelsTestServer server, String path) {
    return open(server.port(), path);
  }

  /** Connects to {@code path} on a loopback {@code port} and reads continuously. */
  public static RawSocket open(int port, String path) {
    return new RawSocket("ws://127.0.0.1:" + port + path, true);
  }

  /** Connects but reads nothing until {@link #startReading()}: a client that cannot keep up. */
  static RawSocket stalled(ChannelsTestServer server) {
    return new RawSocket("ws://127.0.0.1:" + server.port() + "/app/" + server.key() + "?protocol=7", false);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends one frame of a text message; {@code last} ends the message. */
  public void sendPart(String text, boolean last) {
    socket.sendText(text, last).join();
  }

  /** Sends a WebSocket ping carrying {@code payload}. */
  public void ping(byte[] payload) {
    socket.sendPing(java.nio.ByteBuffer.wrap(payload)).join();
  }

  /** Sends a binary frame (the Pusher protocol is text only). */
  public void sendBinary(byte[] bytes) {
    socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
  }

  /** The next frame, or null after {@code millis}. */
  public JsonNode next(long millis) throws InterruptedException {
    return frames.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** The next frame named {@code event} (skipping others), or null after {@code millis}. */
  public JsonNode next(String event, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    JsonNode f;
    while ((f = next(Math.max(1, end - System.currentTimeMillis()))) != null) {
      if (event.equals(f.path("event").asText())) {
        return f;
      }
    }
    return null;
  }

  /** The socket id from pusher:connection_established. */
  public String socketId() throws Exception {
    JsonNode established = next("pusher:connection_established", 5000);
    return Frames.JSON.readTree(established.get("data").asText()).get("socket_id").asText();
  }

  void startReading() {
    reading = true;
    socket.request(Long.MAX_VALUE);
  }

  public int awaitClose(long millis) throws Exception {
    return closeCode.get(millis, TimeUnit.MILLISECONDS);
  }

  /** Signs in as {@code user} with a signature from {@code signer} and waits for pusher:signin_success. */
  public void signIn(io.vertebra.channels.auth.SocketAuthenticator signer, String user) throws Exception {
    String userData = "{\"id\":\"" + user + "\"}";
    String auth = signer.userAuth(socketId(), userData);
    send(Frames.stringify(Frames.JSON.createObjectNode().put("event", "pusher:signin").set("data",
        Frames.JSON.createObjectNode().put("auth", auth).put("user_data", userData))));
    if (next("pusher:signin_success", 5000) == null) {
      throw new AssertionError("sign-in as " + user + " was not confirmed");
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket webSocket) {
      if (reading) {
        webSocket.request(Long.MAX_VALUE);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(Frames.JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new AssertionError("server sent non-JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
      java.nio.ByteBuffer copy = java.nio.ByteBuffer.allocate(message.remaining());
      pongs.add(copy.put(message).flip());
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.completeExceptionally(error);
    }
  }
}
