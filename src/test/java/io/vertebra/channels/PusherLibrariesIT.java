package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import io.vertebra.channels.protocol.Frames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real pusher-http-java and pusher-java-client against the server started in CHANNELS mode. */
class PusherLibrariesIT {

  private static ChannelsTestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new ChannelsTestServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode json(String text) throws Exception {
    return Frames.JSON.readTree(text);
  }

  @Test
  void triggerDeliversExactDataToPublicSubscribers() throws Exception {
    try (JavaClient client = new JavaClient(server, "u1")) {
      client.subscribe("news", "headline");
      Result result = server.rest().trigger("news", "headline", Map.of("title", "Hello \"world\" ü", "n", 3));
      assertEquals(Result.Status.SUCCESS, result.getStatus(), result.getMessage());
      PusherEvent event = client.next(5000);
      assertNotNull(event);
      assertEquals("news", event.getChannelName());
      assertEquals(json("{\"title\":\"Hello \\\"world\\\" ü\",\"n\":3}"), json(event.getData()));
    }
  }

  @Test
  void socketIdIsExcludedFromTheTrigger() throws Exception {
    try (JavaClient sender = new JavaClient(server, "a"); JavaClient other = new JavaClient(server, "b")) {
      sender.subscribe("doc-1", "edit");
      other.subscribe("doc-1", "edit");
      server.rest().trigger("doc-1", "edit", Map.of("v", 1), sender.socketId());
      assertNotNull(other.next(5000));
      assertNull(sender.next(500), "the sender's own socket is excluded");
    }
  }

  @Test
  void batchTriggerDeliversEveryEvent() throws Exception {
    try (JavaClient client = new JavaClient(server, "u1")) {
      client.subscribe("batch-a", "one", "two");
      Result result = server.rest().trigger(List.of(new Event("batch-a", "one", Map.of("i", 1)),
          new Event("batch-a", "two", Map.of("i", 2))));
      assertEquals(Result.Status.SUCCESS, result.getStatus(), result.getMessage());
      assertEquals("one", client.next(5000).getEventName());
      assertEquals("two", client.next(5000).getEventName());
    }
  }

  @Test
  void privateChannelClientEventsReachOthersButNotTheSender() throws Exception {
    try (JavaClient a = new JavaClient(server, "a"); JavaClient b = new JavaClient(server, "b")) {
      a.subscribe("private-chat", "client-msg");
      b.subscribe("private-chat", "client-msg");
      PrivateChannel channel = a.pusher.getPrivateChannel("private-chat");
      channel.trigger("client-msg", "{\"text\":\"hi\"}");
      PusherEvent received = b.next(5000);
      assertNotNull(received);
      assertEquals(json("{\"text\":\"hi\"}"), json(received.getData()));
      assertNull(a.next(500), "client events are not echoed");
    }
  }

  @Test
  void presenceMembersAreListedAddedRemovedAndQueryable() throws Exception {
    try (JavaClient alice = new JavaClient(server, "alice")) {
      RecordingPresenceListener aliceView = RecordingPresenceListener.join(alice, "presence-room");
      assertEquals("users:1", aliceView.next());
      try (JavaClient bob = new JavaClient(server, "bob")) {
        RecordingPresenceListener.join(bob, "presence-room");
        assertEquals("added:bob", aliceView.next());
        assertEquals("User bob", json(alice.pusher.getPresenceChannel("presence-room").getUsers().stream()
            .filter(u -> u.getId().equals("bob")).findFirst().orElseThrow().getInfo()).get("name").asText());

        JsonNode users = json(server.rest().get("/channels/presence-room/users").getMessage());
        assertEquals(Set.of("alice", "bob"), Set.of(users.get("users").get(0).get("id").asText(),
            users.get("users").get(1).get("id").asText()));
        JsonNode info = json(server.rest().get("/channels/presence-room",
            Map.of("info", "user_count,subscription_count")).getMessage());
        assertTrue(info.get("occupied").asBoolean());
        assertEquals(2, info.get("user_count").asInt());
        assertEquals(2, info.get("subscription_count").asInt());
        JsonNode list = json(server.rest().get("/channels",
            Map.of("filter_by_prefix", "presence-", "info", "user_count")).getMessage());
        assertEquals(2, list.get("channels").get("presence-room").get("user_count").asInt());
      }
      assertEquals("removed:bob", aliceView.next());
    }
  }

  @Test
  void channelInfoForAnEmptyChannelSaysUnoccupied() throws Exception {
    Result result = server.rest().get("/channels/nobody-here");
    assertEquals(Result.Status.SUCCESS, result.getStatus());
    assertEquals(json("{\"occupied\":false}"), json(result.getMessage()));
    Result bad = server.rest().get("/channels/public-x", Map.of("info", "user_count"));
    assertEquals(400, bad.getHttpStatus());
    assertEquals("invalid_request", json(bad.getMessage()).get("error").asText());
  }

  @Test
  void forgedPrivateAuthIsRefused() throws Exception {
    try (JavaClient bystander = new JavaClient(server, "x")) {
      LinkedBlockingQueue<String> failures = new LinkedBlockingQueue<>();
      com.pusher.client.Pusher p = new com.pusher.client.Pusher(server.key(), new com.pusher.client.PusherOptions()
          .setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false)
          .setChannelAuthorizer((channel, socketId) -> "{\"auth\":\"" + server.key() + ":" + "0".repeat(64) + "\"}"));
      CountDownLatch ok = new CountDownLatch(1);
      p.connect();
      p.subscribePrivate("private-secret", new PrivateChannelEventListener() {
        @Override
        public void onAuthenticationFailure(String message, Exception e) {
          failures.add(message);
        }

        @Override
        public void onSubscriptionSucceeded(String channelName) {
          ok.countDown();
        }

        @Override
        public void onEvent(PusherEvent event) {
          failures.add(event.getEventName());
        }
      }, "pusher:subscription_error");
      assertTrue(!ok.await(2, TimeUnit.SECONDS), "a forged signature must not subscribe");
      assertEquals("pusher:subscription_error", failures.poll(5, TimeUnit.SECONDS));
      JsonNode info = json(server.rest().get("/channels/private-secret").getMessage());
      assertEquals(false, info.get("occupied").asBoolean());
      p.disconnect();
      bystander.subscribe("still-served", "ping");
    }
  }

  @Test
  void terminateConnectionsClosesEveryConnectionOfThatUserOnly() throws Exception {
    var signer = new io.vertebra.channels.auth.SocketAuthenticator(
        new io.vertebra.channels.auth.AppCredentials(server.appId(), server.key(), server.secret()));
    try (RawSocket carol1 = RawSocket.open(server, "/app/" + server.key() + "?protocol=7");
        RawSocket carol2 = RawSocket.open(server, "/app/" + server.key() + "?protocol=7");
        RawSocket dave = RawSocket.open(server, "/app/" + server.key() + "?protocol=7")) {
      carol1.signIn(signer, "carol");
      carol2.signIn(signer, "carol");
      dave.signIn(signer, "dave");
      Result result = server.rest().post("/users/carol/terminate_connections", "{}");
      assertEquals(Result.Status.SUCCESS, result.getStatus(), result.getMessage());
      assertEquals(io.vertebra.channels.protocol.ErrorCode.UNAUTHORIZED, carol1.awaitClose(5000));
      assertEquals(io.vertebra.channels.protocol.ErrorCode.UNAUTHORIZED, carol2.awaitClose(5000));
      dave.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      assertNotNull(dave.next("pusher:pong", 5000), "other users stay connected");
    }
  }
}
