package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Result;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.Hmac;
import io.vertebra.channels.auth.SocketAuthenticator;
import io.vertebra.channels.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The channels server lets nobody in without the app secret's signature: private and presence subscriptions need
 * a signature for this very socket (and, for presence, this very channel_data), the app key must be this app's,
 * HTTP API requests must be freshly and correctly signed, and client events are relayed only from subscribers of
 * private or presence channels, stamped with the server-attested user_id.
 */
class ChannelsSecurityIT {

  private static final java.util.List<String[]> JSON_TYPE =
      java.util.List.<String[]>of(new String[] {"Content-Type", "application/json"});

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();
  private static SocketAuthenticator signer;

  @BeforeAll
  static void sign() {
    signer = new SocketAuthenticator(new AppCredentials(APP.appId(), APP.key(), APP.channelsSecret()));
  }

  private static RawSocket connect() throws Exception {
    RawSocket socket = RawSocket.open(APP.port(), "/app/" + APP.key() + "?protocol=7");
    socket.frames.addFirst(socket.next("pusher:connection_established", 5000));
    return socket;
  }

  private static String socketId(RawSocket socket) throws Exception {
    return socket.socketId();
  }

  private static void subscribe(RawSocket socket, String channel, String auth, String channelData) {
    socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":" + Mutations.jsonString(channel)
        + (auth == null ? "" : ",\"auth\":" + Mutations.jsonString(auth))
        + (channelData == null ? "" : ",\"channel_data\":" + Mutations.jsonString(channelData)) + "}}");
  }

  /** The subscription was refused (4009 or subscription_error) and the socket gets none of the channel's events. */
  private static void assertRefused(RawSocket socket, String channel) throws Exception {
    JsonNode answer = null;
    long end = System.currentTimeMillis() + 5000;
    while (answer == null && System.currentTimeMillis() < end) {
      JsonNode frame = socket.next(100);
      if (frame == null) {
        continue;
      }
      String event = frame.path("event").asText();
      assertTrue(!event.equals("pusher_internal:subscription_succeeded"), "subscribed to " + channel + ": " + frame);
      if (event.equals("pusher:subscription_error") || event.equals("pusher:error")) {
        answer = frame;
      }
    }
    assertNotNull(answer, "no refusal for " + channel);
    if (answer.path("event").asText().equals("pusher:error")) {
      assertEquals(ErrorCode.UNAUTHORIZED, answer.path("data").path("code").asInt(), answer.toString());
    }
    Result sent = APP.rest().trigger(channel, "secret-news", Map.of("for", "members only"));
    assertEquals(200, sent.getHttpStatus(), "the trigger the socket must not receive: " + sent.getMessage());
    assertNull(socket.next("secret-news", 700), "an unauthorized socket received " + channel + "'s events");
  }

  private static void assertSubscribed(RawSocket socket, String channel) throws Exception {
    JsonNode ok = socket.next("pusher_internal:subscription_succeeded", 5000);
    assertNotNull(ok, "not subscribed to " + channel);
  }

  @Test
  void privateAndPresenceChannelsRefuseSubscriptionsWithoutAuth() throws Exception {
    try (RawSocket socket = connect()) {
      socketId(socket);
      subscribe(socket, "private-no-auth", null, null);
      assertRefused(socket, "private-no-auth");
      subscribe(socket, "presence-no-auth", null, "{\"user_id\":\"u1\"}");
      assertRefused(socket, "presence-no-auth");
    }
  }

  @Test
  void forgedSignaturesAreRefused() throws Exception {
    try (RawSocket socket = connect()) {
      String id = socketId(socket);
      AppCredentials wrongSecret = new AppCredentials(APP.appId(), APP.key(), "guessed-secret");
      subscribe(socket, "private-forged", new SocketAuthenticator(wrongSecret).channelAuth(id, "private-forged", null),
          null);
      assertRefused(socket, "private-forged");
      subscribe(socket, "private-forged2", APP.key() + ":" + "0".repeat(64), null);
      assertRefused(socket, "private-forged2");
      // a valid signature for another channel does not open this one
      subscribe(socket, "private-forged3", signer.channelAuth(id, "private-other", null), null);
      assertRefused(socket, "private-forged3");
    }
  }

  @Test
  void aSignatureReplayedFromAnotherSocketIsRefused() throws Exception {
    try (RawSocket victim = connect(); RawSocket thief = connect()) {
      String victimId = socketId(victim);
      socketId(thief);
      String stolen = signer.channelAuth(victimId, "private-replay", null);
      subscribe(victim, "private-replay", stolen, null);
      assertSubscribed(victim, "private-replay");
      subscribe(thief, "private-replay", stolen, null);
      assertRefused(thief, "private-replay");
      assertNotNull(victim.next("secret-news", 5000), "the rightful subscriber still receives");
    }
  }

  @Test
  void anotherAppsKeyIsRefusedWith4001() throws Exception {
    try (RawSocket socket = RawSocket.open(APP.port(), "/app/not-" + APP.key() + "?protocol=7")) {
      JsonNode error = socket.next("pusher:error", 5000);
      assertNotNull(error);
      assertEquals(ErrorCode.APP_NOT_FOUND, error.path("data").path("code").asInt());
      assertEquals(ErrorCode.APP_NOT_FOUND, socket.awaitClose(5000));
    }
  }

  @Test
  void presenceUserIdComesOnlyFromSignedChannelData() throws Exception {
    try (RawSocket mallory = connect()) {
      String id = socketId(mallory);
      String own = "{\"user_id\":\"mallory\",\"user_info\":{\"name\":\"Mallory\"}}";
      String claimed = "{\"user_id\":\"alice\",\"user_info\":{\"name\":\"Alice\"}}";
      // signed for her own user, sent with someone else's channel_data
      subscribe(mallory, "presence-room", signer.channelAuth(id, "presence-room", own), claimed);
      assertRefused(mallory, "presence-room");
    }
  }

  @Test
  void clientEventsCarryTheServerAttestedUserIdWhateverTheDataClaims() throws Exception {
    try (RawSocket alice = connect(); RawSocket mallory = connect()) {
      String aliceId = socketId(alice);
      String malloryId = socketId(mallory);
      String aliceData = "{\"user_id\":\"alice\",\"user_info\":{\"name\":\"Alice\"}}";
      String malloryData = "{\"user_id\":\"mallory\",\"user_info\":{\"name\":\"Mallory\"}}";
      subscribe(alice, "presence-doc", signer.channelAuth(aliceId, "presence-doc", aliceData), aliceData);
      assertSubscribed(alice, "presence-doc");
      subscribe(mallory, "presence-doc", signer.channelAuth(malloryId, "presence-doc", malloryData), malloryData);
      assertSubscribed(mallory, "presence-doc");
      mallory.send("{\"event\":\"client-editing\",\"channel\":\"presence-doc\",\"data\":{\"userId\":\"alice\","
          + "\"user_id\":\"alice\",\"editing\":true}}");
      JsonNode received = alice.next("client-editing", 5000);
      assertNotNull(received);
      assertEquals("mallory", received.path("user_id").asText(), "the relay names the real sender: " + received);
    }
  }

  @Test
  void clientEventsOnPublicChannelsOrWithoutSubscriptionAreRefused() throws Exception {
    try (RawSocket sender = connect(); RawSocket listener = connect()) {
      socketId(sender);
      String listenerId = socketId(listener);
      subscribe(listener, "public-room", null, null);
      assertSubscribed(listener, "public-room");
      subscribe(sender, "public-room", null, null);
      assertSubscribed(sender, "public-room");
      sender.send("{\"event\":\"client-x\",\"channel\":\"public-room\",\"data\":{}}");
      assertEquals(ErrorCode.UNAUTHORIZED, sender.next("pusher:error", 5000).path("data").path("code").asInt());
      assertNull(listener.next("client-x", 700), "a client event was relayed on a public channel");

      subscribe(listener, "private-room", signer.channelAuth(listenerId, "private-room", null), null);
      assertSubscribed(listener, "private-room");
      sender.send("{\"event\":\"client-x\",\"channel\":\"private-room\",\"data\":{}}");
      assertEquals(ErrorCode.UNAUTHORIZED, sender.next("pusher:error", 5000).path("data").path("code").asInt());
      assertNull(listener.next("client-x", 700), "a client event was relayed from a non-subscriber");
    }
  }

  @Test
  void httpApiRefusesStaleFutureForgedAndReplayedSignatures() throws Exception {
    RawHttp raw = new RawHttp(APP.port());
    ChannelsApiCases api = new ChannelsApiCases(APP.appId(), APP.key(), APP.channelsSecret());
    String path = "/apps/" + APP.appId() + "/events";
    String body = "{\"name\":\"e\",\"channels\":[\"c\"],\"data\":\"{}\"}";
    long now = System.currentTimeMillis() / 1000;
    assertEquals(200, api.send(raw, "POST", path, body, now, APP.channelsSecret()).status(), "a fresh request");
    // Ten seconds past the 600 s window: the server reads its clock after the test did, a second or more later on a
    // loaded machine, which would bring a timestamp 601 s ahead back inside. The exact edge is a unit test's
    // (ApiRequestAuthenticatorTest, fixed clock).
    assertEquals(401, api.send(raw, "POST", path, body, now - 610, APP.channelsSecret()).status(), "610 s old");
    assertEquals(401, api.send(raw, "POST", path, body, now + 610, APP.channelsSecret()).status(), "610 s ahead");
    assertEquals(401, api.send(raw, "POST", path, body, now, "guessed-secret").status(), "wrong secret");

    // A captured signature does not carry over to another body or another endpoint.
    String query = api.query("POST", path, body, now, APP.channelsSecret());
    String other = "{\"name\":\"e\",\"channels\":[\"private-bank\"],\"data\":\"{}\"}";
    RawHttp.Response changedBody = raw.send(new RawHttp.Request("POST", (path + "?" + query.replace(
        Hmac.md5Hex(body.getBytes(StandardCharsets.UTF_8)), Hmac.md5Hex(other.getBytes(StandardCharsets.UTF_8))))
        .getBytes(StandardCharsets.UTF_8), JSON_TYPE,
        other.getBytes(StandardCharsets.UTF_8)));
    assertEquals(401, changedBody.status(), changedBody.body());
    RawHttp.Response otherPath = raw.send(new RawHttp.Request("POST", ("/apps/" + APP.appId()
        + "/batch_events?" + query).getBytes(StandardCharsets.UTF_8),
        JSON_TYPE, body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(401, otherPath.status(), otherPath.body());
    assertTrue(Leaks.errorShape(otherPath.body()) == null, otherPath.body());
  }

  /**
   * The issue-21 replay: a signed request captured long ago, with a new body and a fresh timestamp added under
   * case variants of the signed names. Whichever value the checks read and whichever the signature covers, the
   * request is refused (400: the names collide), for every variant, so no hash order lets one through.
   */
  @Test
  void caseCollidingSignedParametersAreRefusedSoAnOldSignatureCannotBeReplayed() {
    RawHttp raw = new RawHttp(APP.port());
    ChannelsApiCases api = new ChannelsApiCases(APP.appId(), APP.key(), APP.channelsSecret());
    String path = "/apps/" + APP.appId() + "/events";
    long now = System.currentTimeMillis() / 1000;
    long old = now - 4 * 3600;
    String oldBody = "{\"name\":\"post:change\",\"channels\":[\"post-1\"],\"data\":\"{}\"}";
    String newBody = "{\"name\":\"post:change\",\"channels\":[\"post-1\"],\"data\":\"{\\\"forged\\\":1}\"}";
    String captured = api.query("POST", path, oldBody, old, APP.channelsSecret());
    String oldSignature = captured.substring(captured.indexOf("auth_signature=") + "auth_signature=".length());
    String oldMd5 = Hmac.md5Hex(oldBody.getBytes(StandardCharsets.UTF_8));
    String newMd5 = Hmac.md5Hex(newBody.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < "auth_timestamp".length(); i++) {
      String timestampVariant = upperAt("auth_timestamp", i);
      String md5Variant = upperAt("body_md5", i % "body_md5".length());
      for (boolean swap : new boolean[] {false, true}) {
        String fresh = "auth_timestamp=" + now + "&" + timestampVariant + "=" + old;
        String md5 = "body_md5=" + newMd5 + "&" + md5Variant + "=" + oldMd5;
        String query = "auth_key=" + APP.key() + "&" + (swap ? fresh.replace("auth_timestamp=" + now,
            "auth_timestamp=" + old).replace(timestampVariant + "=" + old, timestampVariant + "=" + now) : fresh)
            + "&auth_version=1.0&" + md5 + "&auth_signature=" + oldSignature;
        RawHttp.Response forged = raw.send(new RawHttp.Request("POST", (path + "?" + query)
            .getBytes(StandardCharsets.UTF_8), JSON_TYPE, newBody.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, forged.status(), query + " -> " + forged.body());
        assertTrue(Leaks.errorShape(forged.body()) == null, forged.body());
      }
    }
    RawHttp.Request get = api.valid("/apps/" + APP.appId() + "/channels");
    byte[] target = (new String(get.target(), StandardCharsets.UTF_8) + "&Filter_By_Prefix=private-")
        .getBytes(StandardCharsets.UTF_8);
    RawHttp.Response unsigned = raw.send(new RawHttp.Request("GET", target, get.headers(), null));
    assertEquals(401, unsigned.status(), "an added parameter is signed whatever its case: " + unsigned.body());
    byte[] colliding = (new String(get.target(), StandardCharsets.UTF_8) + "&Auth_Timestamp=1")
        .getBytes(StandardCharsets.UTF_8);
    RawHttp.Response collision = raw.send(new RawHttp.Request("GET", colliding, get.headers(), null));
    assertEquals(400, collision.status(), "a GET whose signed query names collide: " + collision.body());
  }

  /** A 401 says what is wrong without echoing the server's string-to-sign (an offline oracle for forgers). */
  @Test
  void aWrongSignatureIsExplainedWithoutTheStringToSign() {
    RawHttp raw = new RawHttp(APP.port());
    ChannelsApiCases api = new ChannelsApiCases(APP.appId(), APP.key(), APP.channelsSecret());
    String path = "/apps/" + APP.appId() + "/events";
    String body = "{\"name\":\"e\",\"channels\":[\"c\"],\"data\":\"{}\"}";
    RawHttp.Response refused = api.send(raw, "POST", path, body, System.currentTimeMillis() / 1000, "guessed");
    assertEquals(401, refused.status());
    assertTrue(refused.body().contains("auth_signature"), refused.body());
    assertTrue(!refused.body().contains(path) && !refused.body().contains("auth_key="), refused.body());
  }

  /** {@code name} with its {@code index}-th letter (counting letters only, cyclically) in upper case. */
  private static String upperAt(String name, int index) {
    String letters = name.replaceAll("[^a-z]", "");
    int nth = index % letters.length();
    int at = -1;
    for (int seen = -1; seen < nth; ) {
      at++;
      if (Character.isLetter(name.charAt(at))) {
        seen++;
      }
    }
    return name.substring(0, at) + Character.toUpperCase(name.charAt(at)) + name.substring(at + 1);
  }
}
