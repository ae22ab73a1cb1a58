package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.channel.RecordingListener;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageHandlerTest {

  private final RecordingListener listener = new RecordingListener();
  private final TestApp t = new TestApp(Limits.defaults(), listener);

  @Test
  void pingIsAnsweredWithPong() {
    var c = t.connect();
    c.send("{\"event\":\"pusher:ping\",\"data\":{}}");
    assertEquals(List.of("pusher:pong"), c.sink.events());
  }

  @Test
  void malformedFramesGetAnErrorAndTheConnectionKeepsWorking() {
    var c = t.connect();
    for (String bad : List.of("not json", "[1,2]", "{\"data\":{}}", "{\"event\":5}", "{\"event\":\"x\",\"channel\":1}",
        "{\"event\":\"pusher:subscribe\",\"data\":7}")) {
      c.sink.clear();
      c.send(bad);
      assertEquals(List.of("pusher:error"), c.sink.events(), bad);
    }
    c.sink.clear();
    c.subscribe("news");
    assertEquals(List.of("pusher_internal:subscription_succeeded"), c.sink.events());
    var stats = t.app.counters().snapshot(t.app.connections().size(), t.app.channels().size());
    assertEquals(7, stats.clientMessages());
    assertEquals(6, stats.clientErrors());
    assertEquals(1, stats.channels());
  }

  @Test
  void unknownEventsAreReportedNotFatal() {
    var c = t.connect();
    c.send("{\"event\":\"pusher:teleport\",\"data\":{}}");
    assertTrue(c.lastErrorMessage().contains("pusher:teleport"));
  }

  @Test
  void oversizeFramesAreRejected() {
    var c = t.connect();
    c.subscribePrivate("private-chat");
    var other = t.connect();
    other.subscribePrivate("private-chat");
    String big = "x".repeat(Limits.defaults().maxMessageBytes());
    c.send("{\"event\":\"client-big\",\"channel\":\"private-chat\",\"data\":\"" + big + "\"}");
    assertTrue(c.lastErrorMessage().contains("larger than"));
    assertFalse(other.sink.events().contains("client-big"));
  }

  @Test
  void invalidChannelNamesAreRejected() {
    var c = t.connect();
    c.subscribe("bad name");
    assertTrue(c.lastErrorMessage().startsWith("Invalid channel name"));
    c.subscribe("a".repeat(165));
    assertTrue(c.lastErrorMessage().contains("longer than"));
    assertNull(t.app.channels().find("bad name"));
  }

  @Test
  void privateChannelWithForgedAuthIsRefused() {
    var c = t.connect();
    String forged = t.app.socketAuth().channelAuth("999.999", "private-x", null);
    c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"" + forged + "\"}}");
    assertEquals(List.of("pusher:subscription_error", "pusher:error"), c.sink.events());
    assertEquals(401, c.sink.data("pusher:subscription_error").path("status").asInt());
    assertEquals("private-x", c.sink.last("pusher:subscription_error").path("channel").asText());
    assertEquals(ErrorCode.UNAUTHORIZED, c.lastErrorCode());
    assertNull(t.app.channels().find("private-x"));
    c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\"}}");
    assertTrue(c.lastErrorMessage().contains("Missing auth"));
  }

  @Test
  void subscriptionsPerConnectionAreLimited() {
    Limits d = Limits.defaults();
    TestApp small = new TestApp(new Limits(d.maxMessageBytes(), d.maxChannelNameLength(), d.maxEventNameLength(),
        d.maxChannelsPerTrigger(), d.maxBatchSize(), d.maxConnections(), d.maxPresenceMembers(),
        d.maxUserInfoBytes(), d.clientEventsPerSecond(), d.activityTimeoutSeconds(), d.pongTimeoutSeconds(),
        d.sendQueueFrames(), d.sendQueueBytes(), d.maxRequestBytes(), 2, d.maxUserIdLength(),
        d.authorizationTimeoutSeconds(), d.maxConnectionsPerAddress(), d.newConnectionsPerAddressPerSecond(),
        d.memoryLimitPercent(), d.subscriptionCount(), d.watchlistEvents()),
        io.vertebra.channels.channel.ChannelListener.NONE);
    var c = small.connect();
    c.subscribe("one");
    c.subscribe("two");
    c.subscribe("three");
    assertTrue(c.lastErrorMessage().contains("Too many subscriptions"));
    assertNull(small.app.channels().find("three"));
  }

  @Test
  void presenceWithTooLongUserIdIsRefused() {
    var c = t.connect();
    c.subscribePresence("presence-x", "u".repeat(129));
    assertTrue(c.lastErrorMessage().contains("user_id is longer"));
    assertNull(t.app.channels().find("presence-x"));
  }

  @Test
  void presenceWithoutUserIdIsRefused() {
    var c = t.connect();
    String data = "{\"user_info\":{}}";
    String auth = t.app.socketAuth().channelAuth(c.connection.socketId(), "presence-x", data);
    c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-x\",\"auth\":\"" + auth
        + "\",\"channel_data\":\"{\\\"user_info\\\":{}}\"}}");
    assertTrue(c.lastErrorMessage().contains("user_id"));
    assertNull(t.app.channels().find("presence-x"));
  }

  @Test
  void clientEventsReachOthersButAreNotEchoed() {
    var a = t.connect();
    var b = t.connect();
    a.subscribePresence("presence-room", "alice");
    b.subscribePresence("presence-room", "bob");
    a.sink.clear();
    b.sink.clear();
    a.send("{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":{\"on\":true}}");
    assertEquals(List.of(), a.sink.events());
    var relayed = b.sink.last("client-typing");
    assertNotNull(relayed);
    assertEquals("alice", relayed.path("user_id").asText());
    assertTrue(relayed.path("data").path("on").asBoolean());
    assertTrue(listener.calls.contains("client_event:presence-room:client-typing:alice"));
  }

  @Test
  void clientEventsNeedASubscribedPrivateChannel() {
    var a = t.connect();
    a.subscribe("public");
    a.send("{\"event\":\"client-x\",\"channel\":\"public\",\"data\":{}}");
    assertEquals(ErrorCode.UNAUTHORIZED, a.lastErrorCode());
    a.send("{\"event\":\"client-x\",\"channel\":\"private-elsewhere\",\"data\":{}}");
    assertTrue(a.lastErrorMessage().contains("not subscribed"));
    a.subscribePrivate("private-encrypted-secret");
    a.send("{\"event\":\"client-x\",\"channel\":\"private-encrypted-secret\",\"data\":{}}");
    assertEquals(ErrorCode.UNAUTHORIZED, a.lastErrorCode());
  }

  @Test
  void clientEventsAreRateLimitedPerConnection() {
    var a = t.connect();
    var b = t.connect();
    a.subscribePrivate("private-chat");
    b.subscribePrivate("private-chat");
    for (int i = 0; i < 15; i++) {
      a.send("{\"event\":\"client-n\",\"channel\":\"private-chat\",\"data\":{\"i\":" + i + "}}");
    }
    long delivered = b.sink.events().stream().filter("client-n"::equals).count();
    assertTrue(delivered >= 10 && delivered < 15, "delivered " + delivered);
    assertEquals(ErrorCode.CLIENT_EVENT_RATE_LIMIT, a.lastErrorCode());
  }

  @Test
  void closingAConnectionLeavesItsChannelsAndAnnouncesItsDeparture() {
    var a = t.connect();
    var b = t.connect();
    a.subscribePresence("presence-room", "alice");
    b.subscribePresence("presence-room", "bob");
    a.subscribe("news");
    a.close();
    assertEquals("alice", b.sink.data("pusher_internal:member_removed").path("user_id").asText());
    assertNull(t.app.channels().find("news"));
    assertEquals(1, t.app.connections().size());
  }

  @Test
  void signinEnablesOnlyTheUsersOwnChannel() {
    var a = t.connect();
    a.subscribe("#server-to-user-alice");
    assertEquals(ErrorCode.UNAUTHORIZED, a.lastErrorCode());
    String userData = "{\"id\":\"alice\"}";
    String auth = t.app.socketAuth().userAuth(a.connection.socketId(), userData);
    a.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"" + auth + "\",\"user_data\":\"{\\\"id\\\":\\\"alice\\\"}\"}}");
    assertNotNull(a.sink.last("pusher:signin_success"));
    assertEquals("alice", a.connection.userId());
    a.sink.clear();
    a.subscribe("#server-to-user-alice");
    assertEquals(List.of("pusher_internal:subscription_succeeded"), a.sink.events());
    a.subscribe("#server-to-user-bob");
    assertEquals(ErrorCode.UNAUTHORIZED, a.lastErrorCode());
  }

  @Test
  void forgedSigninIsRejected() {
    var a = t.connect();
    a.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"test-key:00\",\"user_data\":\"{\\\"id\\\":\\\"x\\\"}\"}}");
    assertEquals(ErrorCode.UNAUTHORIZED, a.lastErrorCode());
    assertNull(a.connection.userId());
  }

  @Test
  void cacheChannelsReplayTheLastEventOrSayCacheMiss() {
    var a = t.connect();
    a.subscribe("cache-weather");
    assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher:cache_miss"), a.sink.events());
    t.app.cache().put("cache-weather", io.vertebra.channels.protocol.Frames.event("cache-weather", "update", "{}"),
        t.app.clock().millis());
    var b = t.connect();
    b.subscribe("cache-weather");
    assertEquals(List.of("pusher_internal:subscription_succeeded", "update"), b.sink.events());
    assertEquals(List.of("cache_miss:cache-weather"),
        listener.calls.stream().filter(call -> call.startsWith("cache_miss")).toList(),
        "one cache_miss for the empty cache, none once it holds an event");
  }
}
