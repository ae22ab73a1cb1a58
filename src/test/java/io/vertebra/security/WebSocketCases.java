package io.vertebra.security;

import static io.vertebra.security.Mutations.garbageToken;
import static io.vertebra.security.Mutations.jsonString;
import static io.vertebra.security.Mutations.pick;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.SocketAuthenticator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile WebSocket traffic for the Pusher protocol: connection URLs with bad keys, versions and query
 * strings, and frames that are not JSON, have wrong types or missing fields, are huge or binary, name unknown
 * events or bad channels, flood subscriptions, carry forged or garbage auth, or garbage {@code pusher:signin}.
 * Some subscriptions are signed correctly so that client events reach the deeper checks.
 */
final class WebSocketCases {

  /** One frame to send: text, or binary when {@code binary} is set. */
  record Frame(String text, byte[] binary) {
    String describe() {
      return binary != null ? "binary(" + binary.length + " bytes)"
          : RawHttp.printable(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), 200);
    }
  }

  private static final List<String> CHANNELS = List.of("public-1", "private-1", "presence-1", "private-encrypted-1",
      "", " ", "a b", "x".repeat(165), "private-", "presence-", "#server-to-user-1", "é", "a\u0000b", "<b>", "a,b",
      "pusher:x", "private-1\n", "-_=@,.;");
  private static final List<String> EVENTS = List.of("pusher:subscribe", "pusher:unsubscribe", "pusher:signin",
      "pusher:ping", "pusher:pong", "client-x", "client-", "pusher:teleport", "pusher_internal:subscription_succeeded",
      "pusher:connection_established", "", "x", "client-" + "e".repeat(201));

  private final String key;
  private final SocketAuthenticator signer;

  WebSocketCases(String appId, String key, String secret) {
    this.key = key;
    this.signer = new SocketAuthenticator(new AppCredentials(appId, key, secret));
  }

  /** A connection path: usually the right one, sometimes with a bad key, version or query string. */
  String path(Random random) {
    if (random.nextInt(4) != 0) {
      return "/app/" + key + "?protocol=7&client=js&version=8.6.0";
    }
    return switch (random.nextInt(7)) {
      case 0 -> "/app/" + URLEncoder.encode(garbageToken(random), StandardCharsets.UTF_8) + "?protocol=7";
      case 1 -> "/app/" + key + "?protocol=" + pick(random, List.of("", "4", "8", "99999999999", "-7", "7.0", "seven",
          "%00", "7&protocol=5"));
      case 2 -> "/app/" + key;
      case 3 -> "/app/" + key + "/" + pick(random, List.of("x", "..", "%2e%2e")) + "?protocol=7";
      case 4 -> "/app/" + key + "?protocol=7&" + pick(random, List.of("client=" + "x".repeat(3000), "a", "&&&",
          "version=%ff", "flash=true"));
      case 5 -> "/app/other-apps-key?protocol=7";
      default -> "/app/?protocol=7";
    };
  }

  /** One to three frames for a connection whose socket id is {@code socketId}. */
  List<Frame> frames(Random random, String socketId) {
    List<Frame> frames = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      frames.add(frame(random, socketId));
    }
    return frames;
  }

  private Frame frame(Random random, String socketId) {
    return switch (random.nextInt(14)) {
      case 0 -> new Frame(null, Mutations.withBadUtf8(random, "{\"event\":\"pusher:ping\"}"));
      case 1 -> new Frame(pick(random, Mutations.NOT_JSON), null);
      case 2 -> new Frame(Mutations.hostileValue(random), null);
      case 3 -> new Frame("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"flood-" + random.nextInt(1 << 20)
          + "\"}}", null);
      case 4 -> new Frame(Mutations.damageJson(random, subscribe(random, socketId)), null);
      case 5 -> new Frame(huge(random), null);
      case 6, 7 -> new Frame(subscribe(random, socketId), null);
      case 8 -> new Frame(signin(random, socketId), null);
      case 9, 10 -> new Frame(clientEvent(random), null);
      case 11 -> new Frame("{\"event\":" + jsonString(pick(random, EVENTS)) + ",\"data\":" + Mutations.hostileValue(
          random) + (random.nextBoolean() ? ",\"channel\":" + Mutations.hostileValue(random) : "") + "}", null);
      case 12 -> new Frame("{\"event\":" + Mutations.hostileValue(random) + "}", null);
      default -> new Frame(Mutations.damageJson(random, clientEvent(random)), null);
    };
  }

  private String subscribe(Random random, String socketId) {
    String channel = pick(random, CHANNELS);
    String channelData = random.nextBoolean() ? "{\"user_id\":\"u1\",\"user_info\":{\"name\":\"x\"}}"
        : pick(random, List.of("", "{}", "null", "{\"user_id\":1}", "{\"user_id\":\"\"}", "{\"user_id\":\""
            + "u".repeat(200) + "\"}", "{\"user_id\":\"u\",\"user_info\":\"" + "i".repeat(2000) + "\"}", "[", "x"));
    String auth = switch (random.nextInt(6)) {
      case 0, 1 -> signer.channelAuth(socketId, channel, channel.startsWith("presence-") ? channelData : null);
      case 2 -> key + ":" + "0".repeat(64);
      case 3 -> "other-key:" + signer.channelAuth(socketId, channel, null).split(":", 2)[1];
      case 4 -> signer.channelAuth("1.1", channel, null); // a valid signature for another socket
      default -> garbageToken(random);
    };
    return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":" + jsonString(channel) + ",\"auth\":"
        + jsonString(auth) + (channel.startsWith("presence-") || random.nextInt(4) == 0 ? ",\"channel_data\":"
        + jsonString(channelData) : "") + "}}";
  }

  private String signin(Random random, String socketId) {
    String userData = pick(random, List.of("{\"id\":\"u1\"}", "{\"id\":\"\"}", "{\"id\":1}", "{}", "x", "",
        "{\"id\":\"" + "u".repeat(300) + "\"}", "{\"id\":\"u1\",\"user_info\":" + Mutations.hostileValue(random) + "}"));
    String auth = random.nextBoolean() ? signer.userAuth(socketId, userData) : pick(random, List.of(key + ":x",
        "", ":", signer.userAuth("1.1", userData), garbageToken(random)));
    return random.nextInt(4) == 0 ? "{\"event\":\"pusher:signin\",\"data\":" + Mutations.hostileValue(random) + "}"
        : "{\"event\":\"pusher:signin\",\"data\":{\"auth\":" + jsonString(auth) + ",\"user_data\":"
            + jsonString(userData) + "}}";
  }

  private static String clientEvent(Random random) {
    String data = random.nextBoolean() ? "{\"userId\":\"someone-else\"}" : Mutations.hostileValue(random);
    return "{\"event\":" + jsonString(pick(random, List.of("client-x", "client-editing", "client-", "client-"
        + "e".repeat(201)))) + ",\"channel\":" + jsonString(pick(random, CHANNELS)) + ",\"data\":" + data + "}";
  }

  private static String huge(Random random) {
    int size = random.nextBoolean() ? 11_000 + random.nextInt(50_000) : 70_000 + random.nextInt(300_000);
    return "{\"event\":\"client-x\",\"channel\":\"private-1\",\"data\":\"" + "h".repeat(size) + "\"}";
  }
}
