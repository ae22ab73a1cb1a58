package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PusherEvent;
import io.vertebra.kit.ops.Exposition;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.posts.server.store.PostgresCluster;
import io.vertebra.testing.PusherJavaClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /healthz} and {@code /metrics} in both modes, against real traffic and a real database outage. */
class OperationsIT {

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("serve: /healthz is 200 JSON with the database and channels checks, never cached, GET only")
  void serveHealthy() throws Exception {
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      ApiClient client = new ApiClient(app.baseUrl());
      ApiClient.Reply health = client.get("/healthz");
      assertEquals(200, health.status(), health.toString());
      assertTrue(health.header("Content-Type").startsWith("application/json"), health.header("Content-Type"));
      assertEquals("no-store", health.header("Cache-Control"));
      JsonNode body = health.json();
      assertEquals("ok", body.get("status").asText());
      assertEquals("serve", body.get("mode").asText());
      assertEquals("ok", body.at("/checks/database/status").asText());
      assertEquals("sqlite", body.at("/checks/database/dialect").asText());
      assertEquals("ok", body.at("/checks/channels/status").asText());
      assertFalse(body.toString().contains(app.realtime().secret()));

      ApiClient.Reply head = client.send("HEAD", "/healthz", null);
      assertEquals(200, head.status());
      assertEquals("", head.raw().body());
      ApiClient.Reply post = client.send("POST", "/healthz", "{}");
      assertEquals(405, post.status());
      assertEquals("method_not_allowed", post.json().get("error").asText());
      assertEquals("GET, HEAD", post.header("Allow"));
    }
  }

  @Test
  @DisplayName("serve: /metrics counts a pusher-java-client connection, a trigger's delivery, 404s and errors")
  void serveMetricsFollowTraffic() throws Exception {
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      ApiClient client = new ApiClient(app.baseUrl());
      ApiClient.Reply first = client.get("/metrics");
      assertEquals(200, first.status());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", first.header("Content-Type"));
      assertEquals("no-store", first.header("Cache-Control"));
      Exposition before = Exposition.parse(first.raw().body());
      assertEquals(1, before.value("vertebra_info", "mode", "serve", "realtime", "embedded"));
      assertEquals(0, before.value("vertebra_channels_connections"));
      assertTrue(before.value("vertebra_db_pool_max_connections") > 0);
      assertTrue(before.value("jvm_memory_max_bytes", "area", "heap") > 0);

      Pusher pusher = new Pusher(app.realtime().key(), new PusherOptions().setHost("127.0.0.1")
          .setWsPort(app.port()).setUseTLS(false));
      try {
        PusherJavaClients.connect(pusher, app.baseUrl());
        Exposition connected = scrape(client, m -> m.value("vertebra_channels_connections") == 1);
        assertEquals(before.value("vertebra_channels_connections_opened_total") + 1,
            connected.value("vertebra_channels_connections_opened_total"));

        LinkedBlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        CompletableFuture<String> subscribed = new CompletableFuture<>();
        pusher.subscribe("posts", new com.pusher.client.channel.ChannelEventListener() {
          @Override
          public void onSubscriptionSucceeded(String channel) {
            subscribed.complete(channel);
          }

          @Override
          public void onEvent(PusherEvent event) {
            events.add(event);
          }
        }, "post:create");
        subscribed.get(10, TimeUnit.SECONDS);
        // The confirmation is sent from inside the registry's update, a moment before the channel is listed.
        Exposition subscribedNow = scrape(client, m -> m.value("vertebra_channels_channels", "type", "public") == 1);
        assertEquals(1, subscribedNow.value("vertebra_channels_subscriptions"));

        client.signIn("Metric Maker");
        client.create("counted", "one delivery");
        assertNotNull(events.poll(10, TimeUnit.SECONDS), "post:create reached the subscriber");
        Exposition delivered = scrape(client,
            m -> m.valueOrZero("vertebra_posts_triggers_total", "result", "delivered") == 1);
        assertEquals(connected.value("vertebra_channels_deliveries_total") + 1,
            delivered.value("vertebra_channels_deliveries_total"));
        assertEquals(connected.value("vertebra_channels_api_events_total") + 1,
            delivered.value("vertebra_channels_api_events_total"));
        assertEquals(1, delivered.value("vertebra_channels_api_requests_total", "code", "200"));
        assertTrue(delivered.value("vertebra_channels_frames_sent_total")
            >= connected.value("vertebra_channels_frames_sent_total") + 2, "subscription_succeeded + event");
        assertEquals(0, delivered.value("vertebra_posts_triggers_total", "result", "failed"));
        assertEquals(1, delivered.value("vertebra_http_requests_total", "method", "POST", "code", "201"));
      } finally {
        pusher.disconnect();
      }
      scrape(client, m -> m.value("vertebra_channels_connections") == 0);

      double notFound = metrics(client).valueOrZero("vertebra_http_requests_total", "method", "GET", "code", "404");
      assertEquals(404, client.get("/no-such-file.txt").status());
      assertEquals(404, client.get("/api/no-such-thing").status());
      // A response is counted when its exchange completes, a moment after the client has it: poll.
      Exposition after = scrape(client,
          m -> m.value("vertebra_http_requests_total", "method", "GET", "code", "404") == notFound + 2);
      assertTrue(after.value("vertebra_http_requests_total", "method", "GET", "code", "200") >= 4);
    }
  }

  @Test
  @DisplayName("serve: refused connections and malformed frames are counted by protocol code")
  void errorsByCode() throws Exception {
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      ApiClient client = new ApiClient(app.baseUrl());
      HttpClient http = HttpClient.newHttpClient();
      CompletableFuture<Integer> refused = new CompletableFuture<>();
      http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/app/wrong-key?protocol=7"),
          new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
              refused.complete(code);
              return null;
            }
          }).join();
      assertEquals(4001, refused.get(10, TimeUnit.SECONDS));

      LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/app/"
          + app.realtime().key() + "?protocol=7"), new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
              frames.add(data.toString());
              ws.request(1);
              return null;
            }
          }).join();
      assertTrue(frames.poll(10, TimeUnit.SECONDS).contains("pusher:connection_established"));
      socket.sendText("this is not JSON", true).join();
      assertTrue(frames.poll(10, TimeUnit.SECONDS).contains("pusher:error"));
      // Both upgrades count once they switch protocols, the refused one too.
      Exposition m = scrape(client,
          e -> e.valueOrZero("vertebra_http_requests_total", "method", "GET", "code", "101") == 2);
      assertEquals(1, m.value("vertebra_channels_connections_rejected_total", "code", "4001"));
      assertEquals(1, m.value("vertebra_channels_protocol_errors_total", "code", "none"));
      assertEquals(1, m.value("vertebra_channels_frames_received_total"));
      socket.abort();
    }
  }

  @Test
  @DisplayName("channels mode: /healthz checks only the channels server; /metrics has channels but no posts metrics")
  void channelsMode() throws Exception {
    try (AppServer channels = TestServers.start(dataDir, Map.of(), AppServer.Mode.CHANNELS)) {
      ApiClient client = new ApiClient(channels.baseUrl());
      JsonNode health = client.get("/healthz").json();
      assertEquals("ok", health.get("status").asText());
      assertEquals("channels", health.get("mode").asText());
      assertEquals("ok", health.at("/checks/channels/status").asText());
      assertTrue(health.at("/checks/database").isMissingNode());

      assertEquals(404, client.get("/nothing-here").status());
      Exposition m = scrape(client,
          e -> e.valueOrZero("vertebra_http_requests_total", "method", "GET", "code", "404") == 1);
      assertEquals(1, m.value("vertebra_info", "mode", "channels", "realtime", "embedded"));
      assertEquals(0, m.value("vertebra_channels_connections"));
      assertNull(m.type("vertebra_posts_triggers_total"));
      assertNull(m.type("vertebra_db_pool_connections"));
    }
  }

  @Test
  @DisplayName("a channels server that is shutting down makes /healthz 503, so load balancers drain the node")
  void shuttingDownIsUnhealthy() throws Exception {
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      Pusher pusher = new Pusher(app.realtime().key(), new PusherOptions().setHost("127.0.0.1")
          .setWsPort(app.port()).setUseTLS(false));
      PusherJavaClients.connect(pusher, app.baseUrl());
      app.channels().close(); // tells the client to reconnect (4200), then refuses it while shutting down
      pusher.disconnect();
      ApiClient client = new ApiClient(app.baseUrl());
      assertEquals(1, metrics(client).value("vertebra_channels_connections_closed_by_server_total", "code", "4200"));
      ApiClient.Reply health = client.get("/healthz");
      assertEquals(503, health.status());
      assertEquals("unavailable", health.json().get("error").asText());
      assertEquals("channels: shutting down", health.json().get("message").asText());
      assertEquals("ok", health.json().at("/checks/database/status").asText());
    }
  }

  @Test
  @DisplayName("PostgreSQL stopped: /healthz answers 503 in time, naming the database; /metrics still works")
  void databaseDown() throws Exception {
    Path binaries = PostgresCluster.findBinaries();
    assumeTrue(binaries != null, "PostgreSQL server binaries not found: install Debian's 'postgresql' package");
    PostgresCluster cluster = PostgresCluster.start(binaries);
    try (AppServer app = TestServers.serve(dataDir, Map.of("DATABASE_URL", cluster.newDatabase()))) {
      ApiClient client = new ApiClient(app.baseUrl());
      JsonNode healthy = client.get("/healthz").json();
      assertEquals("ok", healthy.get("status").asText(), healthy.toString());
      assertEquals("postgresql", healthy.at("/checks/database/dialect").asText());

      cluster.close();
      for (int i = 0; i < 2; i++) { // the second call must not pile up behind a hung first probe
        long start = System.nanoTime();
        ApiClient.Reply down = client.get("/healthz");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, down.status(), down.toString());
        assertTrue(millis < 4_000, "answered in " + millis + " ms");
        assertEquals("unavailable", down.json().get("error").asText());
        assertTrue(down.json().get("message").asText().startsWith("database: "), down.toString());
        assertEquals("unavailable", down.json().at("/checks/database/status").asText());
        assertEquals("ok", down.json().at("/checks/channels/status").asText());
      }
      ApiClient.Reply metrics = client.get("/metrics");
      assertEquals(200, metrics.status());
      Exposition.parse(metrics.raw().body());
    } finally {
      cluster.close();
    }
  }

  private static Exposition metrics(ApiClient client) {
    ApiClient.Reply reply = client.get("/metrics");
    assertEquals(200, reply.status(), reply.toString());
    return Exposition.parse(reply.raw().body());
  }

  /** Scrapes until {@code condition} holds (counters move asynchronously), failing after 10 s. */
  private static Exposition scrape(ApiClient client, Predicate<Exposition> condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    Exposition m;
    do {
      m = metrics(client);
      if (condition.test(m)) {
        return m;
      }
      Thread.sleep(20);
    } while (System.currentTimeMillis() < end);
    throw new AssertionError("metrics did not reach the expected state:\n" + client.get("/metrics").raw().body());
  }
}
