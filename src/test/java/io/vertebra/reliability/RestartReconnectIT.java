package io.vertebra.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.client.AppBrowser;
import io.vertebra.posts.server.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts under connected clients: two headless Chromium sessions on the reference app (one on the list, one on
 * a post) and pusher-java-client subscribers reconnect by themselves and show what was written after the server
 * came back (whole server restarted on the same port and DATA_DIR), and what was written while they were cut off
 * (only the channels server restarted, with the app pointed at it by PUSHER_URL). Resync times are printed.
 *
 * <p>The Java subscribers re-fetch nothing after a reconnection (the browsers do), so an event published before a
 * subscriber is subscribed again is, as with hosted Pusher, never delivered to it. The test therefore bounds two
 * things separately: every subscriber is connected and subscribed again within the bound, and only then is the
 * next event written, which every one of them must get within the bound. Writing it as soon as the browsers were
 * back raced pusher-java-client's reconnection back-off (up to its 2 s gap here) against the browsers' resync: on
 * a fast machine the browsers won and the event went to Java clients still waiting to reconnect.
 */
class RestartReconnectIT {

  private static final long RESYNC_BOUND_MS = 8_000;

  @TempDir
  Path dataDir;

  @TempDir
  Path channelsDir;

  @Test
  @DisplayName("whole server restarted: browsers and Java clients reconnect and show the writes made after it")
  void serverRestart() throws Exception {
    int javaClients = Heavy.size("reliability.javaClients", 5, 50);
    try (JarServer server = new JarServer("serve", dataDir, Map.of())) {
      server.start();
      ApiClient api = new ApiClient(server.baseUrl());
      api.signIn("Carol");
      long id = api.create("Before the restart", "…").get("id").asLong();
      String key = api.get("/api/config").json().get("key").asText();
      try (Clients clients = new Clients(server, id, key, javaClients)) {
        clients.rememberConnections();
        server.process().terminate();
        assertEquals(0, server.process().awaitExit(20_000), "clean exit on SIGTERM");
        server.start();
        long back = System.nanoTime();
        api = new ApiClient(server.baseUrl());
        api.signIn("Carol");
        api.send("PATCH", "/api/posts/" + id, "{\"title\":\"Edited after the restart\"}");
        api.create("Created after the restart", "…");
        clients.awaitResync(api, "Edited after the restart", "Created after the restart", back, "server restart");
      }
    }
  }

  @Test
  @DisplayName("channels server restarted: writes made while clients were cut off are shown after they reconnect")
  void channelsRestartResync() throws Exception {
    int javaClients = Heavy.size("reliability.javaClients", 5, 50);
    Map<String, String> credentials = Map.of("CHANNELS_APP_ID", "resync", "CHANNELS_KEY", "resync-key",
        "CHANNELS_SECRET", "resync-secret-0123456789");
    try (JarServer channels = new JarServer("channels", channelsDir, credentials)) {
      channels.start();
      Map<String, String> env = Map.of("PUSHER_URL", "http://resync-key:" + credentials.get("CHANNELS_SECRET")
          + "@127.0.0.1:" + channels.port() + "/apps/resync", "PUSHER_WS_HOST", "127.0.0.1", "PUSHER_WS_PORT",
          Integer.toString(channels.port()));
      try (JarServer app = new JarServer("serve", dataDir, env)) {
        app.start();
        ApiClient api = new ApiClient(app.baseUrl());
        api.signIn("Carol");
        long id = api.create("Before the outage", "…").get("id").asLong();
        try (Clients clients = new Clients(app, id, "resync-key", javaClients, channels.port())) {
          clients.rememberConnections();
          channels.process().kill();
          JsonNode edited = api.send("PATCH", "/api/posts/" + id, "{\"title\":\"Edited during the outage\"}").json();
          assertEquals(2, edited.get("version").asInt(), "the app keeps serving writes while realtime is down");
          api.create("Created during the outage", "…");
          channels.start();
          clients.awaitResync(api, "Edited during the outage", "Created during the outage", System.nanoTime(),
              "channels restart");
        }
      }
    }
  }

  /** The two browsers and the Java subscribers of one test. */
  private static final class Clients implements AutoCloseable {
    private final AppBrowser onList;
    private final AppBrowser onPost;
    private final List<JavaSubscriber> subscribers = new ArrayList<>();
    private final Map<JavaSubscriber, String> socketsBefore = new HashMap<>();
    private final long postId;

    Clients(JarServer app, long postId, String key, int javaClients) throws Exception {
      this(app, postId, key, javaClients, app.port());
    }

    Clients(JarServer app, long postId, String key, int javaClients, int wsPort) throws Exception {
      this.postId = postId;
      onList = new AppBrowser("Ann", app.baseUrl()).signIn();
      onPost = new AppBrowser("Bob", app.baseUrl()).signIn();
      onList.go("").await(".posts li[data-id='" + postId + "']");
      onPost.go("posts/" + postId).await(".post .title");
      for (int i = 0; i < javaClients; i++) {
        subscribers.add(new JavaSubscriber(key, wsPort));
      }
      for (JavaSubscriber s : subscribers) {
        waitUntil(() -> s.subscribedSince(null), "java client's first subscription");
      }
    }

    /** Notes each Java client's connection before a restart, to tell its next one from it. */
    void rememberConnections() {
      subscribers.forEach(s -> socketsBefore.put(s, s.socketId()));
    }

    /**
     * Waits until both browsers show both titles and every Java client is subscribed again on a new connection,
     * then writes once more and waits until every Java client got that event; prints how long each step took after
     * {@code since} (when the server was back).
     */
    void awaitResync(ApiClient api, String editedTitle, String createdTitle, long since, String what) {
      waitUntil(() -> editedTitle.equals(onPost.js("var t = document.querySelector('.post .title');"
          + " return t ? t.textContent : null;")), "browser on the post");
      long post = millisSince(since);
      waitUntil(() -> listed(onList, createdTitle) && listed(onList, editedTitle), "browser on the list");
      long list = millisSince(since);
      long resubscribed = 0;
      for (JavaSubscriber s : subscribers) {
        waitUntil(() -> s.subscribedSince(socketsBefore.get(s)), "java client (reconnect and resubscribe)");
        resubscribed = Math.max(resubscribed, (s.subscribedAt() - since) / 1_000_000);
      }
      String live = "Live after the " + what;
      long written = System.nanoTime();
      api.create(live, "…");
      long slowest = 0;
      long reconnected = 0;
      for (JavaSubscriber s : subscribers) {
        waitUntil(() -> s.seen(live) != null, "java client (the next event)");
        slowest = Math.max(slowest, (s.seen(live) - written) / 1_000_000);
        reconnected = Math.max(reconnected, (s.connectedAt() - since) / 1_000_000);
      }
      waitUntil(() -> listed(onList, live), "browser on the list, live");
      System.out.printf("RestartReconnectIT (%s): browser on the post resynced after %d ms, browser on the list "
          + "after %d ms; %d Java clients reconnected (the last after %d ms), all subscribed again after %d ms, "
          + "and all got the next event %d ms after it was written%n", what, post, list, subscribers.size(),
          reconnected, resubscribed, slowest);
    }

    private static boolean listed(AppBrowser browser, String title) {
      return Boolean.TRUE.equals(browser.js("var want = arguments[0];"
          + " return Array.prototype.some.call(document.querySelectorAll('ul.posts .title'),"
          + " function (e) { return e.textContent === want; });", title));
    }

    @Override
    public void close() {
      subscribers.forEach(JavaSubscriber::close);
      onList.close();
      onPost.close();
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void waitUntil(BooleanSupplier condition, String who) {
    long end = System.currentTimeMillis() + RESYNC_BOUND_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError(who + " did not resync within " + RESYNC_BOUND_MS + " ms");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
