package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.channels.RawSocket;
import io.vertebra.kit.web.HttpLimits;
import io.vertebra.posts.server.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21, item 7: every sign-in makes a new identity, so one client signing in 100 times could fill a post's
 * presence channel (100 members) with throw-away users and keep everyone else out. With the default limit
 * (SIGN_INS_PER_CLIENT) only a burst gets through; the rest get 429 JSON with Retry-After, and a real user can
 * still join.
 */
class SignInLimitIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THROW_AWAY = 100;

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  @Test
  void oneHundredThrowAwaySignInsCannotFillAPostsPresenceChannel() throws Exception {
    ApiClient real = APP.signedIn("Real user");
    String channel = "presence-post-" + real.create("Watched", "by many").path("id").asLong();
    int limit = HttpLimits.defaults().signInsPerClient();
    for (int i = 0; i < 3 * limit; i++) {
      ApiClient.Reply reply = new ApiClient(APP.baseUrl()).send("POST", "/api/session", "{\"name\":\"\"}");
      assertEquals(400, reply.status(), "a sign-in that fails costs nothing: " + reply);
    }

    List<ApiClient> identities = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < THROW_AWAY; i++) {
      ApiClient client = new ApiClient(APP.baseUrl());
      ApiClient.Reply reply = client.send("POST", "/api/session", "{\"name\":\"Sock " + i + "\"}");
      if (reply.status() == 200) {
        identities.add(client);
      } else {
        assertRefusal(reply);
        refused++;
      }
    }
    List<RawSocket> sockets = new ArrayList<>();
    try {
      for (ApiClient identity : identities) {
        join(identity, channel, sockets);
      }
      JsonNode joined = join(real, channel, sockets);
      JsonNode members = JSON.readTree(joined.path("data").asText()).path("presence");
      assertEquals(limit, members.path("count").asInt(), "throw-away members and the real user: " + members);
    } finally {
      sockets.forEach(RawSocket::close);
    }
    assertEquals(limit - 1, identities.size(), "the burst, less the real user's own sign-in");
    assertEquals(THROW_AWAY - identities.size(), refused);
    assertRefusal(new ApiClient(APP.baseUrl()).send("POST", "/api/session/", "{\"name\":\"Slash\"}"));
  }

  private static void assertRefusal(ApiClient.Reply reply) {
    assertEquals(429, reply.status(), reply.toString());
    assertEquals("too_many_requests", reply.json().path("error").asText(), reply.toString());
    assertTrue(reply.json().path("message").asText().contains("sign-ins"), reply.toString());
    String retryAfter = reply.header("Retry-After");
    assertNotNull(retryAfter, "Retry-After");
    assertTrue(Long.parseLong(retryAfter) >= 1, retryAfter);
    assertEquals(null, reply.header("Set-Cookie"), "no session");
  }

  /**
   * Opens a socket (added to {@code sockets}), subscribes it to {@code channel} as the client's session user and
   * returns the subscription_succeeded frame; fails when the channel refuses the member.
   */
  private static JsonNode join(ApiClient client, String channel, List<RawSocket> sockets) throws Exception {
    String event = "pusher_internal:subscription_succeeded";
    RawSocket socket = RawSocket.open(APP.port(), "/app/" + APP.key() + "?protocol=7");
    sockets.add(socket);
    String socketId = socket.socketId();
    ApiClient.Reply auth = client.postForm("/pusher/auth", Map.of("socket_id", socketId, "channel_name", channel));
    assertEquals(200, auth.status(), auth.toString());
    socket.send(JSON.writeValueAsString(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channel,
        "auth", auth.json().path("auth").asText(), "channel_data", auth.json().path("channel_data").asText()))));
    List<JsonNode> seen = new ArrayList<>();
    for (JsonNode frame = socket.next(10_000); frame != null; frame = socket.next(10_000)) {
      if (frame.path("event").asText().equals(event)) {
        return frame;
      }
      seen.add(frame);
      if (frame.path("event").asText().equals("pusher:subscription_error")) {
        break;
      }
    }
    throw new AssertionError("a member could not join " + channel + ": " + seen);
  }
}
