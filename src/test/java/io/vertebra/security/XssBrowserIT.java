package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.RawSocket;
import io.vertebra.posts.client.AppBrowser;
import io.vertebra.posts.server.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In headless Chromium: markup in every user-controlled field (post title and body, author and display names,
 * presence user info, the "is editing" note, the editor's fields) is shown as text and never runs; and the "X is
 * editing" note names the sender the channels service attests, not whoever a client event's data claims.
 */
class XssBrowserIT {

  private static final String IMG = "<img src=x onerror=window.__xss=1>";
  private static final String SCRIPT = "\"><script>window.__xss=1</script>";

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();
  private static AppBrowser mallory;
  private static AppBrowser victim;

  @BeforeAll
  static void start() throws Exception {
    mallory = new AppBrowser(IMG, APP.baseUrl()).signIn();
    victim = new AppBrowser("Victim", APP.baseUrl()).signIn();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {mallory, victim}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static void assertInert(AppBrowser browser) {
    assertNull(browser.js("return window.__xss === undefined ? null : String(window.__xss);"), browser.name
        + ": a payload ran");
    assertNull(browser.js("return document.querySelector('.shell img, .shell script, .shell svg');"),
        browser.name + ": a payload became markup");
  }

  @Test
  void markupInPostsNamesPresenceAndEditingIsShownAsText() {
    ApiClient author = APP.signedIn(SCRIPT);
    JsonNode post = author.create(IMG + SCRIPT, SCRIPT + "\n" + IMG);
    long id = post.path("id").asLong();
    assertEquals(IMG + SCRIPT, post.path("title").asText(), "stored as given");

    victim.go("").awaitText(".posts li[data-id='" + id + "'] .title", IMG + SCRIPT);
    assertTrue(victim.text(".posts li[data-id='" + id + "'] .meta").startsWith(SCRIPT), "author in the list");
    assertInert(victim);

    victim.go("posts/" + id).awaitText(".post .title", IMG + SCRIPT);
    assertEquals(SCRIPT + "\n" + IMG, victim.text(".post .body"));
    assertTrue(victim.text(".post .meta").startsWith(SCRIPT), "author on the post page");
    assertInert(victim);

    victim.click(".post-detail button[data-action=edit]");
    assertEquals(IMG + SCRIPT, victim.await("form.editor .title-input").getAttribute("value"));
    assertEquals(SCRIPT + "\n" + IMG, victim.await("form.editor .body-input").getAttribute("value"));
    victim.click("form.editor button[data-action=cancel]");
    assertInert(victim);

    // Mallory, whose display name is markup, joins and edits: avatar, names and the editing note stay text.
    mallory.go("posts/" + id);
    victim.await(".viewers[data-count='2']");
    assertNotNull(victim.js("return document.querySelector('.viewers .avatar[title=\"' + arguments[0] + '\"]');",
        IMG), "Mallory's avatar carries her name as a plain attribute");
    assertTrue(victim.text(".viewers .viewer-names").contains(IMG), victim.text(".viewers .viewer-names"));
    mallory.click(".post-detail button[data-action=edit]");
    mallory.await("form.editor .title-input").sendKeys(" more");
    victim.awaitText(".editing-note", IMG + " is editing…");
    assertInert(victim);
    assertInert(mallory);
    mallory.click("form.editor button[data-action=cancel]");
    victim.awaitText(".editing-note", "");
    mallory.go("");
  }

  @Test
  void aClientEventClaimingAnotherUsersIdIsNotBelieved() throws Exception {
    ApiClient author = APP.signedIn("Author");
    long id = author.create("Spoof target", "x").path("id").asLong();
    String channel = "presence-post-" + id;
    String impersonated = mallory.userId();
    mallory.go("posts/" + id);
    victim.go("posts/" + id).await(".viewers[data-count='2']");

    ApiClient spooferSession = APP.signedIn("Spoofer");
    try (RawSocket spoofer = RawSocket.open(APP.port(), "/app/" + APP.key() + "?protocol=7")) {
      String socketId = spoofer.socketId();
      ApiClient.Reply auth = spooferSession.postForm("/pusher/auth", Map.of("socket_id", socketId,
          "channel_name", channel));
      assertEquals(200, auth.status(), auth.toString());
      spoofer.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":"
          + ApiClient.quote(auth.json().path("auth").asText()) + ",\"channel_data\":"
          + ApiClient.quote(auth.json().path("channel_data").asText()) + "}}");
      assertNotNull(spoofer.next("pusher_internal:subscription_succeeded", 5000));
      victim.await(".viewers[data-count='3']");
      // The data names Mallory (the format the app once trusted); the service stamps the spoofer's own user_id.
      spoofer.send("{\"event\":\"client-editing\",\"channel\":\"" + channel + "\",\"data\":{\"userId\":"
          + ApiClient.quote(impersonated) + ",\"name\":" + ApiClient.quote(IMG) + ",\"editing\":true}}");
      victim.awaitText(".editing-note", "Spoofer is editing…");
      assertNull(victim.js("return document.querySelector('.viewers .avatar.editing[title=\"' + arguments[0]"
          + " + '\"]');", IMG), "the impersonated user is not shown as editing");
    }
    mallory.go("");
  }
}
