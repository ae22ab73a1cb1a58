package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.posts.server.ApiClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The posts app trusts only what the server signed: the author of a post and the presence identity come from
 * the session, a tampered session cookie is no session, cross-site browser writes are refused, and no page,
 * script or JSON answer carries a secret.
 */
class PostsSecurityIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  @Test
  void thePostAuthorComesFromTheSessionNeverFromTheBody() {
    ApiClient mallory = APP.signedIn("Mallory");
    ApiClient.Reply created = mallory.send("POST", "/api/posts",
        "{\"title\":\"Hi\",\"body\":\"B\",\"author\":\"Alice\"}");
    assertEquals(201, created.status(), created.toString());
    assertEquals("Mallory", created.json().path("author").asText());
    long id = created.json().path("id").asLong();
    ApiClient.Reply updated = mallory.send("PUT", "/api/posts/" + id,
        "{\"id\":" + id + ",\"title\":\"Hi\",\"body\":\"B\",\"author\":\"Alice\",\"version\":1}");
    assertEquals(200, updated.status(), updated.toString());
    assertEquals("Mallory", updated.json().path("author").asText());
    ApiClient.Reply patched = mallory.send("PATCH", "/api/posts/" + id, "{\"author\":\"Alice\"}");
    assertTrue(patched.status() == 200 || patched.status() == 400, patched.toString());
    assertEquals("Mallory", mallory.get("/api/posts/" + id).json().path("author").asText());
  }

  /**
   * Issue 21: editing is collaborative, but every write records who made it ({@code updatedBy}, shown in the
   * app) and only the author deletes. Another user's DELETE is a 403 JSON and leaves the post in place.
   */
  @Test
  void everyWriteRecordsItsWriterAndOnlyTheAuthorDeletes() {
    ApiClient ann = APP.signedIn("Ann");
    ApiClient bob = APP.signedIn("Bob");
    JsonNode post = ann.create("Shared", "v1");
    long id = post.path("id").asLong();
    assertEquals("Ann", post.path("updatedBy").asText());
    assertEquals(ann.get("/api/session").json().path("id").asText(), post.path("authorId").asText());
    ApiClient.Reply edited = bob.send("PATCH", "/api/posts/" + id, "{\"body\":\"v2 by Bob\"}");
    assertEquals(200, edited.status(), edited.toString());
    assertEquals("Ann", edited.json().path("author").asText(), "the author stays");
    assertEquals("Bob", edited.json().path("updatedBy").asText(), "the editor is recorded");
    ApiClient.Reply refused = bob.send("DELETE", "/api/posts/" + id, null);
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("forbidden", refused.json().path("error").asText());
    assertEquals(200, ann.get("/api/posts/" + id).status(), "still there");
    assertEquals(204, ann.send("DELETE", "/api/posts/" + id, null).status(), "the author deletes");
  }

  /** Issue 21: app pages and API answers cannot be framed by another site nor sniffed into another type. */
  @Test
  void everyAnswerForbidsFramingAndSniffing() {
    RawHttp raw = new RawHttp(APP.port());
    for (String path : new String[] {"/", "/api/posts", "/api/nothing", "/healthz"}) {
      RawHttp.Response answer = raw.send(RawHttp.Request.of("GET", path, null));
      assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
      assertEquals("frame-ancestors 'none'", answer.header("Content-Security-Policy"), path);
      assertEquals("DENY", answer.header("X-Frame-Options"), path);
    }
  }

  @Test
  void tamperedSessionCookiesAreNoSession() throws Exception {
    RawHttp raw = new RawHttp(APP.port());
    String cookie = RestHostileIT.sessionCookie(raw, "Mallory");
    String payload = cookie.substring(0, cookie.indexOf('.'));
    String signature = cookie.substring(cookie.indexOf('.') + 1);
    JsonNode user = JSON.readTree(Base64.getUrlDecoder().decode(payload));
    assertEquals("Mallory", user.path("name").asText());
    String alice = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(
        ((com.fasterxml.jackson.databind.node.ObjectNode) user.deepCopy()).put("name", "Alice").put("id", "u1")));
    List<String> forged = List.of(alice + "." + signature, alice + ".", alice, payload + "." + "A".repeat(43),
        payload + "." + signature.substring(1), cookie + "x", "." + signature, "..", "");
    for (String value : forged) {
      RawHttp.Response whoAmI = raw.send(RawHttp.Request.of("GET", "/api/session", null, "Cookie",
          "vertebra_session=" + value));
      assertEquals(401, whoAmI.status(), value + " -> " + whoAmI.body());
      RawHttp.Response write = raw.send(RawHttp.Request.of("POST", "/api/posts",
          "{\"title\":\"t\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
          "Cookie", "vertebra_session=" + value));
      assertEquals(401, write.status(), value + " -> " + write.body());
    }
    RawHttp.Response genuine = raw.send(RawHttp.Request.of("GET", "/api/session", null, "Cookie",
        "vertebra_session=" + cookie));
    assertEquals(200, genuine.status(), "the untouched cookie still works");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    RawHttp raw = new RawHttp(APP.port());
    RawHttp.Response reply = raw.send(RawHttp.Request.of("POST", "/api/session",
        "{\"name\":\"Carol\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"));
    String setCookie = reply.header("Set-Cookie");
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
  }

  @Test
  void crossSiteBrowserWritesAreRefusedWhileSameOriginAndNonBrowserClientsWork() throws Exception {
    RawHttp raw = new RawHttp(APP.port());
    String cookie = RestHostileIT.sessionCookie(raw, "Victim");
    String self = "http://127.0.0.1:" + APP.port();
    byte[] post = "{\"title\":\"csrf\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8);
    String[][] crossSite = {{"Origin", "http://evil.example"}, {"Origin", "null"},
        {"Origin", "http://127.0.0.1:" + (APP.port() + 1)}, {"Origin", "https://127.0.0.1:" + APP.port() + ".evil"},
        {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"}};
    for (String[] header : crossSite) {
      for (String[] request : new String[][] {{"POST", "/api/posts"}, {"POST", "/api/session"},
          {"DELETE", "/api/session"}, {"POST", "/pusher/auth"}, {"POST", "/pusher/user-auth"}}) {
        RawHttp.Response reply = raw.send(RawHttp.Request.of(request[0], request[1], post, "Content-Type",
            "application/json", "Cookie", "vertebra_session=" + cookie, header[0], header[1]));
        assertEquals(403, reply.status(), String.join(" ", request) + " with " + header[0] + ": " + header[1]);
        assertNull(Leaks.errorShape(reply.body()), reply.body());
      }
    }
    int before = new ApiClient(APP.baseUrl()).get("/api/posts").json().size();
    assertEquals(before, new ApiClient(APP.baseUrl()).get("/api/posts").json().size());
    String[][] allowed = {{"Origin", self}, {"Sec-Fetch-Site", "same-origin"}, {"X-None", "non-browser client"}};
    for (String[] header : allowed) {
      RawHttp.Response reply = raw.send(RawHttp.Request.of("POST", "/api/posts", post, "Content-Type",
          "application/json", "Cookie", "vertebra_session=" + cookie, header[0], header[1]));
      assertEquals(201, reply.status(), header[0] + ": " + header[1] + " -> " + reply.body());
    }
    RawHttp.Response read = raw.send(RawHttp.Request.of("GET", "/api/posts", null, "Origin", "http://evil.example"));
    assertEquals(200, read.status(), "reads are not writes");
    assertNull(read.header("Access-Control-Allow-Origin"), "and other sites' scripts still cannot read them");
  }

  @Test
  void presenceAuthSignsTheSessionsUserWhateverTheFormSays() throws Exception {
    ApiClient bob = APP.signedIn("Bob");
    ApiClient.Reply me = bob.get("/api/session");
    long post = bob.create("Presence", "x").path("id").asLong();
    ApiClient.Reply auth = bob.postForm("/pusher/auth", Map.of("socket_id", "123.456", "channel_name",
        "presence-post-" + post, "user_id", "alice", "channel_data", "{\"user_id\":\"alice\"}"));
    assertEquals(200, auth.status(), auth.toString());
    JsonNode channelData = JSON.readTree(auth.json().path("channel_data").asText());
    assertEquals(me.json().path("id").asText(), channelData.path("user_id").asText());
    assertEquals("Bob", channelData.path("user_info").path("name").asText());
    ApiClient.Reply anonymous = new ApiClient(APP.baseUrl()).postForm("/pusher/auth", Map.of("socket_id", "123.456",
        "channel_name", "presence-post-" + post));
    assertEquals(403, anonymous.status(), "no session, no signature");
    assertNull(Leaks.errorShape(anonymous.raw().body()));
  }

  @Test
  void noPageScriptOrJsonAnswerCarriesASecret() throws Exception {
    ApiClient alice = APP.signedIn("Alice");
    long post = alice.create("t", "b").path("id").asLong();
    List<String> paths = new ArrayList<>(List.of("/", "/index.html", "/api/config", "/api/session", "/api/posts",
        "/api/posts/" + post));
    Path war = Path.of("war");
    try (Stream<Path> files = Files.walk(war)) {
      files.filter(Files::isRegularFile).forEach(f -> paths.add("/" + war.relativize(f).toString().replace('\\', '/')));
    }
    List<String> leaks = new ArrayList<>();
    for (String path : paths) {
      ApiClient.Reply reply = alice.get(path);
      if (!APP.leaks().secretsIn(reply.raw().body()).isEmpty()) {
        leaks.add(path);
      }
    }
    ApiClient.Reply userAuth = alice.postForm("/pusher/user-auth", Map.of("socket_id", "123.456"));
    ApiClient.Reply channelAuth = alice.postForm("/pusher/auth", Map.of("socket_id", "123.456", "channel_name",
        "presence-post-" + post));
    for (ApiClient.Reply reply : List.of(userAuth, channelAuth)) {
      assertEquals(200, reply.status(), reply.toString());
      if (!APP.leaks().secretsIn(reply.raw().body()).isEmpty()) {
        leaks.add(reply.raw().uri().getPath());
      }
    }
    assertTrue(paths.size() > 8, "the compiled client was served: " + paths);
    assertEquals(List.of(), leaks, "answers that contain a secret");
    assertNotNull(APP.log().text());
    assertEquals(List.of(), APP.leaks().secretsIn(APP.log().text()), "no secret in the server log");
  }
}
