package io.vertebra.kit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.posts.server.ApiClient.Reply;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in with a signed cookie, and the pusher-js auth endpoints, against a real server. */
class IdentityIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // An instance field: a fresh app per test. Each ApiClient parameter is a new client of it.
  @RegisterExtension
  final TestApp app = TestApp.serve();

  @Test
  @DisplayName("sign in, who am I, sign out; the cookie is HttpOnly, SameSite and signed")
  void sessionLifecycle(ApiClient ann) {
    assertEquals(401, ann.get("/api/session").status());
    Reply signIn = ann.send("POST", "/api/session", "{\"name\":\"  Ann  \"}");
    assertEquals(200, signIn.status(), signIn::toString);
    JsonNode user = signIn.json();
    assertEquals("Ann", user.get("name").asText());
    assertTrue(user.get("id").asText().matches("u[0-9a-f]{16}"), user::toString);
    assertTrue(user.get("color").asText().matches("#[0-9a-f]{6}"), user::toString);
    String cookie = signIn.header("Set-Cookie");
    assertTrue(cookie.startsWith("vertebra_session="), cookie);
    assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax") && cookie.contains("; Path=/"),
        cookie);

    assertEquals(user, ann.get("/api/session").json());
    Reply signOut = ann.send("DELETE", "/api/session", null);
    assertEquals(204, signOut.status());
    assertTrue(signOut.header("Set-Cookie").contains("Max-Age=0"));
    assertEquals(401, ann.get("/api/session").status());
    assertEquals(401, ann.send("POST", "/api/posts", "{\"title\":\"x\"}").status(), "signed out means no writes");
  }

  @Test
  @DisplayName("a session survives a server restart (the signing key is kept in DATA_DIR)")
  void sessionSurvivesRestart(ApiClient ann) throws Exception {
    JsonNode user = ann.signIn("Ann");
    String token = tokenOf(new ApiClient(app.baseUrl()));
    int oldPort = app.server().port();
    app.restart();
    assertNotEquals(0, oldPort);
    HttpResponse<String> me = rawGet("/api/session", "vertebra_session=" + token);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(user.get("name"), MAPPER.readTree(me.body()).get("name"));
  }

  @Test
  @DisplayName("a forged, tampered or garbage cookie is no session")
  void forgedCookies() throws Exception {
    String token = tokenOf(new ApiClient(app.baseUrl()));
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"id\":\"u0000000000000000\",\"name\":\"Admin\",\"color\":\"#000000\",\"exp\":9999999999999}"
            .getBytes(StandardCharsets.UTF_8));
    for (String bad : new String[] {forgedPayload + "." + signature, payload + ".AAAA", payload, "", "a.b.c",
        "%%%." + signature}) {
      HttpResponse<String> reply = rawGet("/api/session", "vertebra_session=" + bad);
      assertEquals(401, reply.statusCode(), bad);
    }
    assertEquals(200, rawGet("/api/session", "vertebra_session=" + token).statusCode(), "the genuine one works");
  }

  @Test
  @DisplayName("sign-in rejects a missing, blank, too long or non-string name with a 400 naming it")
  void badNames(ApiClient ann) {
    for (String body : new String[] {"{}", "{\"name\":\"   \"}", "{\"name\":" + ApiClient.quote("n".repeat(41)) + "}",
        "{\"name\":5}", "{\"name\":\"a\\u0007b\"}"}) {
      Reply reply = ann.send("POST", "/api/session", body);
      assertEquals(400, reply.status(), body);
      assertEquals("name", reply.json().get("field").asText(), body);
    }
    assertEquals(415, ann.send("POST", "/api/session", "name=x", "Content-Type", "text/plain").status());
    assertEquals(400, ann.send("POST", "/api/session", "{name").status());
  }

  @Test
  @DisplayName("/pusher/auth signs a presence subscription for the session's user, verifiable with the app secret")
  void channelAuthorization(ApiClient ann) throws Exception {
    JsonNode user = ann.signIn("Ann");
    long postId = ann.create("watched", "").get("id").asLong();
    String channel = "presence-post-" + postId;
    Reply reply = ann.postForm("/pusher/auth", Map.of("socket_id", "1234.5678", "channel_name", channel));
    assertEquals(200, reply.status(), reply::toString);
    String channelData = reply.json().get("channel_data").asText();
    JsonNode data = MAPPER.readTree(channelData);
    assertEquals(user.get("id").asText(), data.get("user_id").asText());
    assertEquals("Ann", data.at("/user_info/name").asText());
    assertEquals(user.get("color").asText(), data.at("/user_info/color").asText());
    String expected = app.server().realtime().key() + ":" + hmac("1234.5678:" + channel + ":" + channelData);
    assertEquals(expected, reply.json().get("auth").asText());
  }

  @Test
  @DisplayName("/pusher/auth refuses: no session 403, foreign or unknown channels 403, bad input 400/415/405")
  void channelAuthorizationRefusals(ApiClient ann) {
    ann.signIn("Ann");
    long postId = ann.create("watched", "").get("id").asLong();
    ApiClient anonymous = new ApiClient(app.baseUrl());
    assertEquals(403, anonymous.postForm("/pusher/auth",
        Map.of("socket_id", "1.2", "channel_name", "presence-post-" + postId)).status());
    for (String channel : new String[] {"presence-post-999999", "private-user-someone", "private-encrypted-x",
        "posts", "presence-post-01", "presence-post-"}) {
      Reply reply = ann.postForm("/pusher/auth", Map.of("socket_id", "1.2", "channel_name", channel));
      assertEquals(403, reply.status(), channel + ": " + reply);
      assertEquals("forbidden", reply.json().get("error").asText());
    }
    assertEquals(400, ann.postForm("/pusher/auth", Map.of("socket_id", "x", "channel_name",
        "presence-post-" + postId)).status());
    assertEquals(400, ann.postForm("/pusher/auth", Map.of("socket_id", "1.2")).status());
    assertEquals(415, ann.send("POST", "/pusher/auth", "{\"socket_id\":\"1.2\"}").status());
    assertEquals(405, ann.get("/pusher/auth").status());
    assertEquals(413, ann.postForm("/pusher/auth", Map.of("socket_id", "1.2", "channel_name", "x".repeat(300_000)))
        .status());
    Reply undecodable = ann.send("POST", "/pusher/auth", "socket_id=1.2&channel_name=%zz", "Content-Type",
        "application/x-www-form-urlencoded");
    assertEquals(400, undecodable.status(), undecodable::toString);
  }

  @Test
  @DisplayName("/pusher/user-auth signs pusher-js signin() for the session's user; 403 without a session")
  void userAuthentication(ApiClient ann) throws Exception {
    JsonNode user = ann.signIn("Ann");
    Reply reply = ann.postForm("/pusher/user-auth", Map.of("socket_id", "99.1"));
    assertEquals(200, reply.status(), reply::toString);
    String userData = reply.json().get("user_data").asText();
    JsonNode data = MAPPER.readTree(userData);
    assertEquals(user.get("id").asText(), data.get("id").asText());
    assertEquals("Ann", data.at("/user_info/name").asText());
    assertEquals(app.server().realtime().key() + ":" + hmac("99.1::user::" + userData),
        reply.json().get("auth").asText());

    assertEquals(403, new ApiClient(app.baseUrl()).postForm("/pusher/user-auth", Map.of("socket_id", "99.1"))
        .status());
    assertEquals(400, ann.postForm("/pusher/user-auth", Map.of("socket_id", "99")).status());
  }

  private String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(app.server().realtime().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("sign-out revokes the session server-side: a kept copy of the cookie no longer reads or writes")
  void signOutRevokesTheSession(ApiClient ann) throws Exception {
    String cookie = "vertebra_session=" + tokenOf(ann);
    assertEquals(200, rawSend("GET", "/api/session", null, cookie).statusCode());
    assertEquals(204, ann.send("DELETE", "/api/session", null).status());
    assertEquals(401, rawSend("GET", "/api/session", null, cookie).statusCode(), "who am I with the old cookie");
    HttpResponse<String> write = rawSend("POST", "/api/posts", "{\"title\":\"t\",\"body\":\"b\"}", cookie);
    assertEquals(401, write.statusCode(), write.body());
    app.restart();
    assertEquals(401, rawSend("GET", "/api/session", null, cookie).statusCode(), "still revoked after a restart");
  }

  @Test
  @DisplayName("sign out everywhere revokes every copy of the user's session, and needs a session")
  void signOutEverywhere(ApiClient ann) throws Exception {
    String copy = "vertebra_session=" + tokenOf(ann);
    ApiClient bob = new ApiClient(app.baseUrl());
    String bobs = "vertebra_session=" + tokenOf(bob);
    Reply everywhere = ann.send("DELETE", "/api/session/everywhere", null);
    assertEquals(200, everywhere.status(), everywhere::toString);
    assertEquals(1, everywhere.json().get("revoked").asInt());
    assertTrue(everywhere.header("Set-Cookie").contains("Max-Age=0"));
    assertEquals(401, rawSend("GET", "/api/session", null, copy).statusCode(), "the copy is signed out too");
    assertEquals(200, rawSend("GET", "/api/session", null, bobs).statusCode(), "another user is not");
    assertEquals(401, ann.send("DELETE", "/api/session/everywhere", null).status());
  }

  /** Signs in with {@code client} and returns the raw session token from Set-Cookie. */
  private static String tokenOf(ApiClient client) {
    String cookie = client.send("POST", "/api/session", "{\"name\":\"Ann\"}").header("Set-Cookie");
    return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
  }

  private HttpResponse<String> rawSend(String method, String path, String json, String cookie) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header("Cookie", cookie).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> rawGet(String path, String cookie) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
  }
}
