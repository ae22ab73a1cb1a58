package io.vertebra.posts.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.ApiClient.Reply;
import io.vertebra.testing.TestApp;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Post events end to end: REST writes on a real server trigger through pusher-http-java into the embedded channels
 * server, and a real pusher-java-client subscriber receives them with the exact data the REST API answered.
 */
class PostEventsIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // An instance field: a fresh app per test.
  @RegisterExtension
  final TestApp app = TestApp.serve();
  private ApiClient ann;

  @BeforeEach
  void signIn() {
    ann = new ApiClient(app.baseUrl());
    ann.signIn("Ann");
  }

  @Test
  @DisplayName("create, change and destroy reach subscribers of posts and post-{id} with the REST data")
  void eventsCarryThePost() throws Exception {
    try (Subscriber list = new Subscriber(app.server(), null); Subscriber detail = new Subscriber(app.server(), null)) {
      list.subscribe("posts", "post:create", "post:change", "post:destroy");
      JsonNode created = ann.create("Hello", "world");
      assertEvent(list.next(5000), "posts", "post:create", created);

      long id = created.get("id").asLong();
      detail.subscribe("post-" + id, "post:change", "post:destroy");
      Reply changed = ann.send("PATCH", "/api/posts/" + id, "{\"body\":\"changed \\\"ü\\\"\"}", "If-Match", "\"1\"");
      assertEquals(200, changed.status());
      assertEvent(detail.next(5000), "post-" + id, "post:change", changed.json());
      assertEvent(list.next(5000), "posts", "post:change", changed.json());

      assertEquals(204, ann.send("DELETE", "/api/posts/" + id, null).status());
      JsonNode destroyed = MAPPER.readTree("{\"id\":" + id + "}");
      assertEvent(detail.next(5000), "post-" + id, "post:destroy", destroyed);
      assertEvent(list.next(5000), "posts", "post:destroy", destroyed);
      assertNull(list.next(300), "one event per write");
    }
  }

  @Test
  @DisplayName("X-Socket-Id excludes the sender's own socket; everyone else still gets the event")
  void senderExclusion() throws Exception {
    try (Subscriber sender = new Subscriber(app.server(), null);
        Subscriber other = new Subscriber(app.server(), null)) {
      sender.subscribe("posts", "post:create");
      other.subscribe("posts", "post:create");
      JsonNode mine = ann.send("POST", "/api/posts", "{\"title\":\"mine\"}", "X-Socket-Id", sender.socketId()).json();
      assertEvent(other.next(5000), "posts", "post:create", mine);
      JsonNode next = ann.create("not excluded", "");
      assertEvent(other.next(5000), "posts", "post:create", next);
      // Events arrive in order: if the excluded one had reached the sender it would come first.
      assertEvent(sender.next(5000), "posts", "post:create", next);
    }
  }

  @Test
  @DisplayName("a post too large for one message is announced as {id, version}; the client fetches it")
  void largePostsAreAnnouncedByReference() throws Exception {
    try (Subscriber list = new Subscriber(app.server(), null)) {
      list.subscribe("posts", "post:create");
      JsonNode big = ann.create("big", "x".repeat(15_000));
      JsonNode reference = MAPPER.readTree("{\"id\":" + big.get("id").asLong() + ",\"version\":1}");
      assertEvent(list.next(5000), "posts", "post:create", reference);
    }
  }

  @Test
  @DisplayName("pusher-java-client joins presence-post-{id} through /pusher/auth with the session cookie only")
  void presenceThroughAuthEndpoint() throws Exception {
    long id = ann.create("watched", "").get("id").asLong();
    String cookie = sessionCookie();
    try (Subscriber signedIn = new Subscriber(app.server(), cookie);
        Subscriber anonymous = new Subscriber(app.server(), null)) {
      Set<User> members = signedIn.subscribePresence("presence-post-" + id).get(10, TimeUnit.SECONDS);
      assertEquals(1, members.size());
      JsonNode info = MAPPER.readTree(members.iterator().next().getInfo());
      assertEquals("Zoe", info.get("name").asText());
      ExecutionException refused = assertThrows(ExecutionException.class,
          () -> anonymous.subscribePresence("presence-post-" + id).get(10, TimeUnit.SECONDS));
      assertTrue(refused.getCause().getMessage().contains("authorization failed"), refused::toString);
    }
  }

  private String sessionCookie() {
    String setCookie = new ApiClient(app.baseUrl()).send("POST", "/api/session", "{\"name\":\"Zoe\"}")
        .header("Set-Cookie");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static void assertEvent(PusherEvent event, String channel, String name, JsonNode data) throws Exception {
    assertNotNull(event, "expected " + name + " on " + channel);
    assertEquals(channel, event.getChannelName());
    assertEquals(name, event.getEventName());
    assertEquals(data, MAPPER.readTree(event.getData()));
  }
}
