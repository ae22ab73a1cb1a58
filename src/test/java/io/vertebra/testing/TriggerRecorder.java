package io.vertebra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.realtime.PusherClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A realtime service's HTTP API on a loopback port that records every trigger pusher-http-java sends it
 * ({@code POST /apps/{id}/events}: name, channels, data, socket_id) and accepts it, so a test sees exactly what a
 * server triggered, exclusion included. Signatures are not checked: the channels server's own tests do that.
 */
public final class TriggerRecorder implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded trigger. */
  public record Trigger(String name, List<String> channels, String data, String socketId) {
    /** The data parsed as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(data);
      } catch (java.io.IOException e) {
        throw new AssertionError("event data is not JSON: " + data, e);
      }
    }
  }

  private final BlockingQueue<Trigger> triggers = new LinkedBlockingQueue<>();
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  public TriggerRecorder() throws Exception {
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        JsonNode body = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        List<String> channels = new ArrayList<>();
        body.path("channels").forEach(channel -> channels.add(channel.asText()));
        triggers.add(new Trigger(body.path("name").asText(), channels, body.path("data").asText(),
            body.hasNonNull("socket_id") ? body.get("socket_id").asText() : null));
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "application/json");
        Content.Sink.write(response, true, "{}", callback);
        return true;
      }
    });
    server.start();
  }

  /** A pusher-http-java client (as the app builds it) pointed at this recorder. */
  public PusherAsync client() {
    int port = connector.getLocalPort();
    return PusherClients.create(new RealtimeSettings("1", "key", "secret", "http", "127.0.0.1", port, false, null,
        "127.0.0.1", port, false));
  }

  /** The next trigger received, waiting up to 10 s; fails when none comes. */
  public Trigger next() throws InterruptedException {
    Trigger trigger = triggers.poll(10, TimeUnit.SECONDS);
    if (trigger == null) {
      throw new AssertionError("no trigger arrived within 10 s");
    }
    return trigger;
  }

  /** Whether no trigger arrived within {@code millis}. */
  public boolean quietFor(long millis) throws InterruptedException {
    Trigger trigger = triggers.poll(millis, TimeUnit.MILLISECONDS);
    if (trigger != null) {
      throw new AssertionError("unexpected trigger " + trigger);
    }
    return true;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
