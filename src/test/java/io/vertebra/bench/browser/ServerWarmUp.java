package io.vertebra.bench.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.RawSocket;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.server.AppServer;

/**
 * Brings the server's JIT to a steady state before anything is timed: {@code writes} PUTs through the REST API on a
 * post of its own, each announced through pusher-http-java and fanned out to one WebSocket subscriber. Without it
 * the timed edits run the write path (servlet, durable commit, trigger signing, HTTP API, fan-out) largely interpreted:
 * a server handles only ~60 edits per round, far below HotSpot's compile thresholds (BENCHMARKS.md, section 2).
 */
final class ServerWarmUp {

  private ServerWarmUp() {}

  /** Runs the warm-up; returns how long it took in seconds. */
  static double run(AppServer server, int writes) throws Exception {
    long start = System.nanoTime();
    ApiClient api = new ApiClient(server.baseUrl());
    api.signIn("Warm-up");
    long id = api.create("Warm-up post", "Written to warm up the server.").get("id").asLong();
    try (RawSocket socket = RawSocket.open(server.port(), "/app/" + server.realtime().key() + "?protocol=7")) {
      subscribe(socket, "post-" + id);
      for (int i = 0; i < writes; i++) {
        ApiClient.Reply reply = api.send("PUT", "/api/posts/" + id,
            "{\"title\":\"Warm-up " + i + "\",\"body\":\"Written to warm up the server.\"}");
        if (reply.status() != 200) {
          throw new IllegalStateException("warm-up write failed: " + reply);
        }
      }
      awaitTitle(socket, "Warm-up " + (writes - 1));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void subscribe(RawSocket socket, String channel) throws InterruptedException {
    socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    if (socket.next("pusher_internal:subscription_succeeded", 5_000) == null) {
      throw new IllegalStateException("warm-up subscription to " + channel + " failed");
    }
  }

  /** Reads the fan-out until the last write's event arrived (every trigger is sent asynchronously). */
  private static void awaitTitle(RawSocket socket, String title) throws Exception {
    JsonNode frame;
    while ((frame = socket.next("post:change", 10_000)) != null) {
      if (frame.path("data").asText().contains("\"" + title + "\"")) {
        return;
      }
    }
    throw new IllegalStateException("the warm-up's last event never arrived");
  }
}
