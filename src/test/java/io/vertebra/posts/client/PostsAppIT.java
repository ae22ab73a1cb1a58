package io.vertebra.posts.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.Browsers;
import io.vertebra.testing.TestApp;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The reference app end to end: the real server in-process, two independent headless Chromium sessions (Alice
 * and Bob) with the real pusher-js. One server and the two browsers are shared by all tests; each test works on
 * posts of its own. On failure, both browsers' screenshots go to {@code target/screenshots/failed-*.png}.
 */
class PostsAppIT {

  @RegisterExtension
  static final TestApp APP = TestApp.serve();
  private static ApiClient api;
  private static AppBrowser alice;
  private static AppBrowser bob;

  @RegisterExtension
  static final TestWatcher SCREENSHOTS_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      for (AppBrowser browser : new AppBrowser[] {alice, bob}) {
        if (browser != null) {
          browser.screenshot("failed-PostsAppIT-" + context.getRequiredTestMethod().getName() + "-" + browser.name);
        }
      }
    }
  };

  @BeforeAll
  static void start() throws Exception {
    api = new ApiClient(APP.baseUrl());
    api.signIn("Carol Seeder");
    alice = new AppBrowser("Alice", APP.baseUrl()).signIn();
    bob = new AppBrowser("Bob", APP.baseUrl()).signIn();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {alice, bob}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  @DisplayName("smoke: the compiled app loads and renders what client Java produced")
  void appLoadsAndRendersClientJava() throws Exception {
    try (AppBrowser fresh = new AppBrowser("Fresh", APP.baseUrl())) {
      fresh.js("location.href = arguments[0];", APP.baseUrl() + "/");
      fresh.await("#app[data-ready=true] .shell header.top a.brand");
      assertEquals("Join the conversation", fresh.text("form.sign-in h1"));
      assertEquals("function", fresh.js("return typeof window.Pusher"));

      fresh.signIn();
      assertEquals("Fresh", fresh.text(".user .user-name"));
      fresh.click(".user button[data-action=sign-out]");
      fresh.await("form.sign-in input.name");
      assertEquals(401, new ApiClient(APP.baseUrl()).get("/api/session").status(), "sanity: no cookie, no session");
    }
  }

  @Test
  @DisplayName("offline: a save fails with a clear message, the form keeps the text, and it saves once back online")
  void offlineSaveKeepsText() {
    long id = seed("Offline draft", "Before.");
    alice.go("posts/" + id + "/edit");
    waitForValue(alice, "form.editor .title-input", "Offline draft");
    alice.type("form.editor .body-input", "Typed on a train.");
    alice.offline(true);
    try {
      alice.click("form.editor button.save");
      alice.await("form.editor .error");
      waitUntil(() -> alice.text("form.editor .error").contains("offline"));
      assertEquals("Typed on a train.", alice.await("form.editor .body-input").getAttribute("value"));
    } finally {
      alice.offline(false);
    }
    alice.click("form.editor button.save");
    alice.awaitText(".post .body", "Typed on a train.");
    assertEquals("Typed on a train.", api.get("/api/posts/" + id).json().get("body").asText());
    alice.await(".conn[data-status=live]");
  }

  @Test
  @DisplayName("A edits a title; B shows it without reload (delay printed); A's own view is not redrawn by an echo")
  void titleEditReachesOtherBrowserLive() {
    long id = seed("Morning notes", "Coffee first.");
    bob.go("posts/" + id).awaitText(".post .title", "Morning notes");
    alice.go("posts/" + id + "/edit").await("form.editor .title-input");
    alice.awaitText("form.editor h1", "Edit post");
    waitForValue(alice, "form.editor .title-input", "Morning notes");
    bob.js("window.__seen = null; var want = arguments[0];"
        + "new MutationObserver(function() { var t = document.querySelector('.post .title');"
        + "  if (t && t.textContent === want && !window.__seen) { window.__seen = Date.now(); }"
        + "}).observe(document.body, {subtree: true, childList: true, characterData: true});", "Evening notes");
    alice.type("form.editor .title-input", "Evening notes");

    long clicked = (Long) alice.js("var t = Date.now(); document.querySelector('form.editor button.save').click();"
        + " return t;");
    bob.awaitText(".post .title", "Evening notes");
    long seen = ((Number) bob.js("return window.__seen;")).longValue();
    System.out.println("[PostsAppIT] B saw A's title change " + (seen - clicked) + " ms after A clicked Save");
    assertEquals("#posts/" + id, location(bob), "no reload or navigation in B");

    alice.awaitText(".post .title", "Evening notes");
    alice.js("window.__mutations = 0; new MutationObserver(function(records) { window.__mutations += records.length; })"
        + ".observe(document.querySelector('.post-detail'), {subtree: true, childList: true, characterData: true});");
    sleep(800);
    assertEquals(0L, ((Number) alice.js("return window.__mutations;")).longValue(), "A's view redrawn by an echo");
    assertEquals("2", alice.await(".post-detail").getAttribute("data-version"));
    assertEquals("2", bob.await(".post-detail").getAttribute("data-version"));
  }

  @Test
  @DisplayName("a post created and then deleted in A appears in and disappears from B's list")
  void createAndDeleteReachOtherList() {
    bob.go("").await(".post-list .posts");
    alice.go("posts/new").await("form.editor .title-input");
    alice.type("form.editor .title-input", "Fresh from Alice");
    alice.type("form.editor .body-input", "Hello, Bob.");
    alice.click("form.editor button.save");
    alice.awaitText(".post .title", "Fresh from Alice");
    String id = location(alice).substring("#posts/".length());

    bob.awaitText(".posts li[data-id='" + id + "'] .title", "Fresh from Alice");
    assertEquals(id, bob.await(".posts li.post-item").getAttribute("data-id"), "newest first");
    alice.go("").awaitText(".posts li[data-id='" + id + "'] .title", "Fresh from Alice");
    assertEquals(1L, ((Number) alice.js("return document.querySelectorAll(\".posts li[data-id='" + id + "']\")"
        + ".length;")).longValue(), "the creator's list holds the post once");

    alice.go("posts/" + id).click(".post-detail button[data-action=delete]");
    alice.click(".post-detail button[data-action=confirm-delete]");
    alice.await(".post-list .posts");
    bob.awaitGone(".posts li[data-id='" + id + "']");
    alice.awaitGone(".posts li[data-id='" + id + "']");
    bob.go("posts/" + id).awaitText(".post-page > .error", "This post does not exist (any more).");
  }

  @Test
  @DisplayName("presence: B sees A arrive and leave; 'Alice is editing…' appears and clears")
  void presenceAndEditingIndicator() {
    long id = seed("Who is here?", "Presence test.");
    alice.go("");
    bob.go("posts/" + id).await(".viewers[data-count='1']");
    alice.go("posts/" + id);
    bob.await(".viewers[data-count='2'] .avatar[title='Alice']");
    assertEquals("You and Alice are here", bob.text(".viewers .viewer-names"));

    alice.click(".post-detail button[data-action=edit]");
    alice.await("form.editor .title-input").sendKeys(" (draft)");
    bob.awaitText(".editing-note", "Alice is editing…");
    bob.await(".viewers .avatar.editing[title='Alice']");
    alice.click("form.editor button[data-action=cancel]");
    bob.awaitText(".editing-note", "");
    bob.awaitGone(".viewers .avatar.editing");

    alice.go("");
    bob.await(".viewers[data-count='1']");
    assertTrue(bob.js("return document.querySelector(\".viewers .avatar[title='Alice']\")") == null);
  }

  @Test
  @DisplayName("conflict: B's unsaved text survives A's save, and B's save gets the 409 flow (overwrite consciously)")
  void concurrentEditsGetConflictFlow() {
    long id = seed("Shared plan", "Step one.");
    alice.go("posts/" + id + "/edit");
    bob.go("posts/" + id + "/edit");
    waitForValue(alice, "form.editor .title-input", "Shared plan");
    waitForValue(bob, "form.editor .title-input", "Shared plan");
    bob.type("form.editor .title-input", "Bob's plan");

    alice.type("form.editor .title-input", "Alice's plan");
    alice.click("form.editor button.save");
    alice.awaitText(".post .title", "Alice's plan");

    bob.await("form.editor .notice button[data-action=load-latest]");
    assertEquals("Bob's plan", bob.await("form.editor .title-input").getAttribute("value"), "B's text kept");
    bob.click("form.editor button.save");
    bob.await(".post-editor[data-conflict] .conflict .their-title");
    bob.awaitText(".conflict .their-title", "Alice's plan");
    bob.awaitGone("form.editor .notice button");
    bob.screenshot("app-conflict");
    assertEquals("Bob's plan", bob.await("form.editor .title-input").getAttribute("value"));
    assertEquals("Alice's plan", api.get("/api/posts/" + id).json().get("title").asText(), "nothing overwritten");

    bob.click(".conflict button[data-action=overwrite]");
    bob.awaitText(".post .title", "Bob's plan");
    alice.awaitText(".post .title", "Bob's plan");
    assertEquals(3, api.get("/api/posts/" + id).json().get("version").asInt());
  }

  @Test
  @DisplayName("editor opened by link; a live change under unsaved text: notice only; "
      + "'Load the latest version' on request")
  void loadLatestOnRequest() {
    long id = seed("Draft title", "Draft body");
    alice.open("posts/" + id + "/edit");
    waitForValue(alice, "form.editor .title-input", "Draft title");
    alice.type("form.editor .body-input", "Alice's unsaved words");
    api.send("PUT", "/api/posts/" + id, "{\"title\":\"Carol's title\",\"body\":\"Carol's body\",\"version\":1}");

    alice.click("form.editor .notice button[data-action=load-latest]");
    waitForValue(alice, "form.editor .title-input", "Carol's title");
    assertEquals("Carol's body", alice.await("form.editor .body-input").getAttribute("value"));
    alice.awaitGone("form.editor .notice button");
    alice.click("form.editor button.save");
    alice.awaitText(".post .title", "Carol's title");
    assertEquals(3, api.get("/api/posts/" + id).json().get("version").asInt(), "saved on top of version 2, no 409");
  }

  /**
   * The edit is one REST call made right after the termination, while B's connection is closed server-side (no
   * event reaches it any more) and B's app waits 2 s before reconnecting. It used to be made through A's editor
   * after B showed offline: several browser round trips, which on a loaded machine outlasted those 2 s, so B was
   * back and got the change live instead of resyncing. B's page records when it is live again, and the test checks
   * that this came after the edit.
   */
  @Test
  @DisplayName("resync: B's connection is terminated server-side, the post is edited meanwhile, B reconnects and "
      + "shows it")
  void resyncAfterTerminatedConnection() throws Exception {
    long id = seed("Before the outage", "…");
    bob.go("posts/" + id).awaitText(".post .title", "Before the outage");
    bob.await(".conn[data-status=live]");
    bob.js("window.__statuses = []; var conn = document.querySelector('.conn');"
        + " new MutationObserver(function () { window.__statuses.push([conn.getAttribute('data-status'),"
        + " Date.now()]); }).observe(conn, {attributes: true, attributeFilter: ['data-status']});");

    try (Pusher rest = APP.newRestClient()) {
      Result result = rest.post("/users/" + bob.userId() + "/terminate_connections", "{}");
      assertEquals(Result.Status.SUCCESS, result.getStatus(), result.getMessage());
    }
    assertEquals(200, api.send("PATCH", "/api/posts/" + id, "{\"title\":\"Written during the outage\"}").status());
    long edited = System.currentTimeMillis();

    bob.awaitText(".post .title", "Written during the outage");
    bob.await(".conn[data-status=live]");
    String statuses = String.valueOf(bob.js("return JSON.stringify(window.__statuses);"));
    Long backAt = null;
    boolean wasOffline = false;
    for (JsonNode change : new com.fasterxml.jackson.databind.ObjectMapper().readTree(statuses)) {
      wasOffline |= change.get(0).asText().equals("offline");
      if (wasOffline && backAt == null && change.get(0).asText().equals("live")) {
        backAt = change.get(1).asLong();
      }
    }
    assertNotNull(backAt, "B went offline, then live again: " + statuses);
    assertTrue(backAt >= edited, "the edit happened while B was away: B was live again at " + backAt
        + ", the edit answered at " + edited + " " + statuses);
    assertEquals("#posts/" + id, location(bob), "no reload");
  }

  @Test
  @DisplayName("an XSS payload in a title is shown as text, in the list and on the post page")
  void xssPayloadRenderedAsText() {
    String payload = "<img src=x onerror=\"window.__xss=1\">";
    long id = seed(payload, "<script>window.__xss=2</script>");
    bob.go("").awaitText(".posts li[data-id='" + id + "'] .title", payload);
    bob.go("posts/" + id).awaitText(".post .title", payload);
    assertEquals("<script>window.__xss=2</script>", bob.text(".post .body"));
    assertNull(bob.js("return document.querySelector('.shell img, .shell script');"));
    assertNull(bob.js("return window.__xss === undefined ? null : window.__xss;"));
  }

  @Test
  @DisplayName("screenshots of the product: list, post page with presence, editor, narrow screen")
  void productScreenshots() throws Exception {
    long id = seed("Release checklist for Friday", "1. Freeze the branch\n2. Run the e2e suite\n3. Ship it");
    seed("Design review notes", "Typography, spacing and the narrow layout look right.");
    alice.go("").await(".posts li.post-item");
    alice.screenshot("app-list-wide");
    bob.go("posts/" + id);
    alice.go("posts/" + id).await(".viewers[data-count='2']");
    alice.screenshot("app-post-presence");
    bob.click(".post-detail button[data-action=edit]");
    bob.await("form.editor .body-input").sendKeys("\n4. Celebrate");
    alice.awaitText(".editing-note", "Bob is editing…");
    alice.screenshot("app-post-bob-editing");
    bob.screenshot("app-editor");
    bob.click("form.editor button[data-action=cancel]");
    alice.resize(390, 800);
    try {
      alice.go("").await(".posts li.post-item");
      alice.screenshot("app-list-narrow");
      alice.go("posts/" + id).await(".post .title");
      alice.screenshot("app-post-narrow");
    } finally {
      alice.resize(1280, 900);
    }
    assertTrue(Files.size(Browsers.SCREENSHOTS.resolve("app-list-narrow.png")) > 0);
  }

  private static long seed(String title, String body) {
    JsonNode post = api.create(title, body);
    return post.get("id").asLong();
  }

  private static String location(AppBrowser browser) {
    return (String) browser.js("return location.hash;");
  }

  private static void waitForValue(AppBrowser browser, String css, String value) {
    waitUntil(() -> value.equals(browser.await(css).getAttribute("value")));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + AppBrowser.TIMEOUT.toMillis();
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < deadline, "condition not met in time");
      sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
