package io.vertebra.channels.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.util.HttpChannelAuthorizer;
import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import io.vertebra.testing.PusherJavaClients;
import io.vertebra.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's HTTP side against a real server in {@code channels} mode (no web app, no posts): page and client
 * files, the event creator's validation, the feed channel's authorization, the live feed read by
 * pusher-java-client, and the loopback-or-secret protection.
 */
class ConsoleApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApp APP = TestApp.channels();
  private static ApiClient http;

  @BeforeAll
  static void connect() {
    http = new ApiClient(APP.baseUrl());
  }

  @Test
  @DisplayName("channels mode serves the page, the compiled client, pusher-js and a snapshot; never the secret")
  void servesPageAndClientInChannelsMode() {
    ApiClient.Reply page = http.get("/console");
    assertEquals(200, page.status());
    assertTrue(page.raw().body().contains("/console/console.nocache.js"));
    assertEquals(page.raw().body(), http.get("/console/").raw().body(), "with a trailing slash too");
    assertEquals(200, http.get("/console/console.nocache.js").status(), "compiled console client");
    assertEquals(200, http.get("/console/vendor/pusher.min.js").status());
    assertError(http.get("/console/missing.js"), 404, "not_found");
    assertTrue(http.get("/console/..%2F..%2Fpom.xml").status() >= 400, "no way out of the folder");

    JsonNode snapshot = http.get(ConsoleApi.SNAPSHOT_PATH).json();
    assertTrue(snapshot.get(ConsoleApi.EMBEDDED).asBoolean());
    assertTrue(snapshot.get(ConsoleApi.CHANNELS).isArray());
    JsonNode config = http.get(ConsoleApi.CONFIG_PATH).json();
    assertEquals(APP.server().realtime().key(), config.get("key").asText());
    assertEquals(ConsoleApi.AUTH_PATH, config.path("channelAuthorization").path("endpoint").asText());
    assertFalse(config.toString().contains(APP.server().realtime().secret()));
  }

  @Test
  @DisplayName("the event creator refuses bad input with clear JSON errors, as the HTTP API does")
  void eventCreatorValidates() {
    assertError(trigger("{\"channel\":\"c\",\"name\":\"e\",\"data\":\"{oops\"}"), 400, "invalid_json");
    assertError(trigger("{\"channel\":\"c\",\"name\":\"e\",\"data\":\" \"}"), 400, "invalid_json");
    // Too deeply nested: Jackson's own message names its classes and limits; the answer must not (issue 21).
    ApiClient.Reply deep = trigger("{\"channel\":\"c\",\"name\":\"e\",\"data\":\"" + "[".repeat(1200) + "\"}");
    assertError(deep, 400, "invalid_json");
    assertFalse(deep.raw().body().contains("`") || deep.raw().body().contains("Constraints")
        || deep.raw().body().contains("jackson"),
        deep.toString());
    assertError(trigger("{\"channel\":\"c\",\"name\":\"e\"}"), 400, "invalid_data");
    assertError(trigger("{\"channel\":\"no spaces\",\"name\":\"e\",\"data\":\"{}\"}"), 400, "invalid_request");
    assertError(trigger("{\"name\":\"e\",\"data\":\"{}\"}"), 400, "invalid_request");
    assertError(trigger("{\"channel\":\"c\",\"data\":\"{}\"}"), 400, "invalid_request");
    assertError(trigger("{\"channel\":\"c\",\"name\":\"e\",\"data\":\"\\\"" + "x".repeat(20_000) + "\\\"\"}"), 413,
        "payload_too_large");
    assertError(trigger("[1]"), 400, "invalid_request");
    assertError(trigger("not json"), 400, "invalid_request");
    assertError(http.send("POST", ConsoleApi.EVENTS_PATH, "{}", "Content-Type", "text/plain"), 415,
        "unsupported_media_type");
    assertError(http.get(ConsoleApi.EVENTS_PATH), 405, "method_not_allowed");
    assertError(http.get("/console/api/nothing"), 404, "not_found");
  }

  @Test
  @DisplayName("the feed channel: only it is signed, and a subscriber sees triggered events and API errors live")
  void feedChannelIsAuthorizedAndLive() throws Exception {
    assertError(http.postForm(ConsoleApi.AUTH_PATH, Map.of("socket_id", "1.2", "channel_name", "private-other")),
        403, "forbidden");
    assertError(http.postForm(ConsoleApi.AUTH_PATH, Map.of("socket_id", "nope", "channel_name",
        ConsoleApi.FEED_CHANNEL)), 400, "invalid_request");

    RealtimeSettings realtime = APP.server().realtime();
    Pusher watcher = new Pusher(realtime.key(), new PusherOptions().setHost("127.0.0.1").setWsPort(APP.server().port())
        .setUseTLS(false).setChannelAuthorizer(new HttpChannelAuthorizer(APP.baseUrl() + ConsoleApi.AUTH_PATH)));
    BlockingQueue<JsonNode> entries = new LinkedBlockingQueue<>();
    try {
      PusherJavaClients.connect(watcher, APP.baseUrl());
      java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
      watcher.subscribePrivate(ConsoleApi.FEED_CHANNEL, new PrivateChannelEventListener() {
        @Override
        public void onEvent(PusherEvent event) {
          try {
            JSON.readTree(event.getData()).get(ConsoleApi.ENTRIES).forEach(entries::add);
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        }

        @Override
        public void onSubscriptionSucceeded(String channel) {
          subscribed.countDown();
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {}
      }, ConsoleApi.LOG_EVENT);
      assertTrue(subscribed.await(10, TimeUnit.SECONDS), "console feed subscription");

      try (com.pusher.rest.Pusher rest = APP.newRestClient()) {
        rest.trigger("orders", "order:placed", Map.of("n", 1));
      }
      JsonNode triggered = next(entries, ConsoleApi.API_EVENT);
      assertEquals("orders", triggered.get(ConsoleApi.CHANNEL).asText());
      assertEquals("{\"n\":1}", triggered.get(ConsoleApi.DATA).asText());

      http.send("POST", "/apps/" + realtime.appId() + "/events", "{}");
      JsonNode refused = next(entries, ConsoleApi.API_ERROR);
      assertEquals(401, refused.get(ConsoleApi.STATUS).asInt());
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  @DisplayName("a proxied (non-loopback) request needs the app key and secret as Basic credentials")
  void remoteAccessNeedsTheSecret() {
    RealtimeSettings realtime = APP.server().realtime();
    ApiClient.Reply anonymous = http.send("GET", ConsoleApi.SNAPSHOT_PATH, null, "X-Forwarded-For", "198.51.100.7");
    assertError(anonymous, 401, "unauthorized");
    assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic realm="));
    assertError(http.send("GET", "/console", null, "Forwarded", "for=198.51.100.7"), 401, "unauthorized");
    // Other proxies' headers mark a forwarded request too (issue 21: only these two used to count).
    for (String header : new String[] {"X-Real-IP", "Via", "X-Forwarded-Host", "X-Forwarded-Proto"}) {
      assertError(http.send("GET", ConsoleApi.SNAPSHOT_PATH, null, header, "198.51.100.7"), 401, "unauthorized");
    }
    assertError(http.send("GET", ConsoleApi.SNAPSHOT_PATH, null, "X-Forwarded-For", "198.51.100.7",
        "Authorization", basic(realtime.key() + ":wrong-secret")), 401, "unauthorized");
    ApiClient.Reply signedIn = http.send("GET", ConsoleApi.SNAPSHOT_PATH, null, "X-Forwarded-For", "198.51.100.7",
        "Authorization", basic(realtime.key() + ":" + realtime.secret()));
    assertEquals(200, signedIn.status(), signedIn.toString());
    assertFalse(anonymous.raw().body().contains(realtime.secret()));
  }

  @Test
  @DisplayName("with an external realtime service the console says the embedded server is not running")
  void externalServiceIsExplained(@TempDir Path appData) throws Exception {
    RealtimeSettings realtime = APP.server().realtime();
    String pusherUrl = "http://" + realtime.key() + ":" + realtime.secret() + "@127.0.0.1:" + APP.server().port()
        + "/apps/" + realtime.appId();
    try (AppServer app = TestServers.serve(appData, Map.of("PUSHER_URL", pusherUrl, "PUSHER_WS_HOST", "127.0.0.1",
        "PUSHER_WS_PORT", Integer.toString(APP.server().port())))) {
      ApiClient client = new ApiClient(app.baseUrl());
      assertEquals(200, client.get("/console").status());
      ApiClient.Reply snapshot = client.get(ConsoleApi.SNAPSHOT_PATH);
      assertError(snapshot, 503, "no_embedded_server");
      assertTrue(snapshot.json().get("message").asText().contains("PUSHER_URL"));
      assertError(client.postForm(ConsoleApi.AUTH_PATH, Map.of("socket_id", "1.2", "channel_name",
          ConsoleApi.FEED_CHANNEL)), 503, "no_embedded_server");
    }
  }

  private static ApiClient.Reply trigger(String body) {
    return http.send("POST", ConsoleApi.EVENTS_PATH, body);
  }

  private static void assertError(ApiClient.Reply reply, int status, String error) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals(error, reply.json().path("error").asText(), reply.toString());
    assertFalse(reply.json().path("message").asText().isEmpty(), reply.toString());
  }

  private static JsonNode next(BlockingQueue<JsonNode> entries, String kind) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      JsonNode entry = entries.poll(100, TimeUnit.MILLISECONDS);
      if (entry != null && kind.equals(entry.get(ConsoleApi.KIND).asText())) {
        return entry;
      }
    }
    assertNotNull(null, "no " + kind + " entry on the console feed");
    return null;
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
