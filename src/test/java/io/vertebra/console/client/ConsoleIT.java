package io.vertebra.console.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.rest.data.PresenceUser;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.posts.client.AppBrowser;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.PusherJavaClients;
import io.vertebra.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The debug console end to end: the real server in-process, the compiled console in headless Chromium with the
 * real pusher-js, pusher-java-client connections as the traffic it watches, and a second browser on the reference
 * app that must follow an event triggered from the console's form.
 */
class ConsoleIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApp APP = TestApp.serve();
  private static AppBrowser console;

  @RegisterExtension
  static final TestWatcher SCREENSHOTS_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (console != null) {
        console.screenshot("failed-ConsoleIT-" + context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeAll
  static void start() throws Exception {
    console = new AppBrowser("Console", APP.baseUrl());
    console.js("location.href = arguments[0];", APP.baseUrl() + "/console");
    console.await("#console[data-ready=true] .conn[data-status=live]");
  }

  @AfterAll
  static void stop() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  @Test
  @DisplayName("connections, channels with counts, presence members and log entries appear live")
  void showsLiveState() throws Exception {
    Pusher one = client("ada");
    Pusher two = client("bob");
    int during;
    try {
      one.subscribe("console-news");
      two.subscribe("console-news");
      one.subscribePresence("presence-console-room");
      console.awaitText("tr[data-channel='console-news'] .count", "2");
      during = awaitConnectionCountShown();
      assertTrue(during >= 3, "the console and both clients are counted: " + during);
      console.awaitText("tr[data-channel='presence-console-room'] .member[data-user='ada']", "ada");
      console.await(".log li[data-kind=connected]");
      console.await(".log li[data-kind=subscribed]");
      assertTrue(console.text(".log li[data-kind=subscribed] .summary").contains("socket "),
          "a subscription names its socket");

      two.unsubscribe("console-news");
      console.awaitText("tr[data-channel='console-news'] .count", "1");
      console.await(".log li[data-kind=unsubscribed]");
    } finally {
      one.disconnect();
      two.disconnect();
    }
    console.await(".log li[data-kind=disconnected]");
    int withoutClients = during - 2;
    waitUntil(() -> APP.server().channels().stats().connections() <= withoutClients);
    awaitConnectionCountShown();
    // A vacated channel leaves the list.
    waitUntil(() -> Long.valueOf(0).equals(
        console.js("return document.querySelectorAll(\"tr[data-channel='console-news']\").length;")));
  }

  @Test
  @DisplayName("post:change triggered from the event creator updates the reference app open on that post")
  void eventCreatorUpdatesReferenceApp() throws Exception {
    ApiClient api = new ApiClient(APP.baseUrl());
    api.signIn("Console Seeder");
    ObjectNode post = (ObjectNode) api.send("POST", "/api/posts", "{\"title\":\"Before the console\",\"body\":\"x\"}")
        .json();
    long id = post.get("id").asLong();
    try (AppBrowser reader = new AppBrowser("Reader", APP.baseUrl()).signIn()) {
      reader.go("posts/" + id).awaitText(".post .title", "Before the console");
      console.awaitText("tr[data-channel='post-" + id + "'] .count", "1");

      post.put("title", "Changed from the console");
      post.put("version", post.get("version").asLong() + 1);
      console.type(".trigger .channel-input", "post-" + id);
      console.type(".trigger .event-input", "post:change");
      console.type(".trigger .data-input", JSON.writeValueAsString(post));
      console.click(".trigger button[type=submit]");

      reader.awaitText(".post .title", "Changed from the console");
      console.awaitText(".trigger .result", "Triggered post:change on post-" + id);
      // The post's creation logged an api_event too (post:create on posts): wait for this one among them.
      String wanted = "post:change on post-" + id;
      waitUntil(() -> Boolean.TRUE.equals(console.js("return Array.prototype.some.call(document.querySelectorAll("
          + "'.log li[data-kind=api_event] .summary'), function(e) { return e.textContent.indexOf('" + wanted
          + "') >= 0; });")));
    }
  }

  @Test
  @DisplayName("bad input in the event creator gets the server's clear message; event data is shown as text")
  void eventCreatorErrorsAndEscaping() throws Exception {
    console.type(".trigger .channel-input", "console-news");
    console.type(".trigger .event-input", "greeting");
    console.type(".trigger .data-input", "{not json");
    console.click(".trigger button[type=submit]");
    waitUntil(() -> console.text(".trigger .error").startsWith("'data' is not valid JSON"));

    console.type(".trigger .channel-input", "bad channel!");
    console.type(".trigger .data-input", "{}");
    console.click(".trigger button[type=submit]");
    waitUntil(() -> console.text(".trigger .error").startsWith("Invalid channel name"));

    Pusher watcher = client("eve");
    try {
      watcher.subscribe("console-xss");
      console.await("tr[data-channel='console-xss']");
      String payload = "{\"html\":\"<img src=x onerror=window.__xss=1>\"}";
      console.type(".trigger .channel-input", "console-xss");
      console.type(".trigger .data-input", payload);
      console.click(".trigger button[type=submit]");
      console.awaitText(".trigger .result", "Triggered greeting on console-xss");
      waitUntil(() -> console.text(".log li[data-kind=api_event] .data").equals(payload));
      assertEquals(0L, console.js("return document.querySelectorAll('.log img').length;"));
      assertEquals(null, console.js("return window.__xss === undefined ? null : window.__xss;"));
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  @DisplayName("a rejected subscription shows in the log as an error with its status and reason")
  void rejectedSubscriptionIsLogged() throws Exception {
    RealtimeSettings realtime = APP.server().realtime();
    Pusher forger = new Pusher(realtime.key(), new PusherOptions().setHost("127.0.0.1").setWsPort(APP.server().port())
        .setUseTLS(false).setChannelAuthorizer((channel, socketId) ->
            "{\"auth\":\"" + realtime.key() + ":" + "0".repeat(64) + "\"}"));
    try {
      PusherJavaClients.connect(forger, APP.baseUrl());
      forger.subscribePrivate("private-console-forged");
      console.await(".log li[data-kind=rejected]");
      String summary = console.text(".log li[data-kind=rejected] .summary");
      assertTrue(summary.startsWith("private-console-forged socket "), summary);
      assertTrue(summary.contains("status 401 — Invalid signature"), summary);
    } finally {
      forger.disconnect();
    }
  }

  /** Waits until the console shows the server's connection count; returns it. */
  private static int awaitConnectionCountShown() {
    waitUntil(() -> console.text(".stat.connections b")
        .equals(String.valueOf(APP.server().channels().stats().connections())));
    return APP.server().channels().stats().connections();
  }

  /** A pusher-java-client connected to the server, authorizing presence channels as an app's endpoint would. */
  private static Pusher client(String userId) throws InterruptedException {
    RealtimeSettings realtime = APP.server().realtime();
    com.pusher.rest.Pusher rest = new com.pusher.rest.Pusher(realtime.appId(), realtime.key(), realtime.secret());
    PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(APP.server().port()).setUseTLS(false)
        .setChannelAuthorizer((channel, socketId) -> rest.authenticate(socketId, channel,
            new PresenceUser(userId, Map.of("name", userId))));
    Pusher pusher = new Pusher(realtime.key(), options);
    PusherJavaClients.connect(pusher, APP.baseUrl());
    return pusher;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long end = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("condition not met within 10 s");
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
