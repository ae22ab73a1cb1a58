package io.vertebra.security;

import static io.vertebra.security.Mutations.garbageToken;
import static io.vertebra.security.Mutations.pick;

import io.vertebra.channels.auth.ApiRequestAuthenticator;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.Hmac;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generates hostile requests against the channels HTTP API ({@code /apps/{id}/...}). Most cases are signed
 * correctly over a damaged request (so validation, not only authentication, is exercised); the rest damage the
 * signature itself: wrong secret, stale or future timestamp, missing or duplicated auth parameters (also in another
 * letter case), a body that no longer matches its body_md5.
 */
final class ChannelsApiCases {

  private static final List<String> BAD_NAMES = List.of("", " ", "a b", "x".repeat(165), "private-", "presence-",
      "#server-to-user-1", "é", "a\u0000b", "a/b", "a?b", "a%2fb", "../x", "private-encrypted-x", "-",
      "<img src=x>", "a,b", "a:b");

  private final AppCredentials credentials;
  private final ApiRequestAuthenticator signer;
  private final ApiRequestAuthenticator forger;

  ChannelsApiCases(String appId, String key, String secret) {
    credentials = new AppCredentials(appId, key, secret);
    signer = new ApiRequestAuthenticator(credentials, Clock.systemUTC());
    forger = new ApiRequestAuthenticator(new AppCredentials(appId, key, "not-the-" + secret), Clock.systemUTC());
  }

  RawHttp.Request next(Random random) {
    String method = "POST";
    String path;
    String body = null;
    Map<String, String> params = new LinkedHashMap<>();
    String channel = random.nextInt(3) == 0 ? pick(random, BAD_NAMES) : pick(random, List.of("c", "private-c",
        "presence-c"));
    switch (random.nextInt(7)) {
      case 0, 1 -> {
        path = "/events";
        body = eventBody(random, channel);
      }
      case 2 -> {
        path = "/batch_events";
        body = batchBody(random, channel);
      }
      case 3 -> {
        method = "GET";
        path = "/channels";
        params.put(pick(random, List.of("filter_by_prefix", "info")), pick(random, List.of("presence-", "user_count",
            "subscription_count", "user_count,subscription_count", "", garbageToken(random))));
      }
      case 4 -> {
        method = "GET";
        path = "/channels/" + URLEncoder.encode(channel, StandardCharsets.UTF_8);
        params.put("info", pick(random, List.of("user_count", "subscription_count,user_count", "cache",
            garbageToken(random))));
      }
      case 5 -> {
        method = "GET";
        path = "/channels/" + URLEncoder.encode(channel, StandardCharsets.UTF_8) + "/users";
      }
      default -> {
        path = "/users/" + URLEncoder.encode(random.nextBoolean() ? "u1" : garbageToken(random),
            StandardCharsets.UTF_8) + "/terminate_connections";
        body = "{}";
      }
    }
    String appId = credentials.appId();
    int damages = random.nextInt(3);
    String signatureDamage = null;
    for (int d = 0; d < damages; d++) {
      switch (random.nextInt(6)) {
        case 0 -> method = pick(random, List.of("GET", "POST", "PUT", "DELETE", "PATCH", "FOO"));
        case 1 -> path = path + pick(random, List.of("/", "/x", "/..", "%2f..", ";x", "/%ff"));
        case 2 -> appId = pick(random, List.of("0", "999999", appId + "1", "..", "%00", garbageToken(random)));
        case 3 -> body = body == null ? Mutations.hostileValue(random) : Mutations.damageJson(random, body);
        default -> signatureDamage = pick(random, List.of("secret", "stale", "future", "timestamp", "missing",
            "version", "md5", "key", "duplicate", "case", "collide"));
      }
    }
    String fullPath = "/apps/" + appId + path;
    byte[] bodyBytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    if (bodyBytes != null && random.nextInt(15) == 0) {
      bodyBytes = Mutations.withBadUtf8(random, body);
    }
    String query = signedQuery(random, method, fullPath, params, bodyBytes, signatureDamage);
    List<String[]> headers = new ArrayList<>();
    if (bodyBytes != null) {
      headers.add(new String[] {"Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json"});
    }
    return new RawHttp.Request(method, (fullPath + "?" + query).getBytes(StandardCharsets.UTF_8), headers,
        bodyBytes);
  }

  /** A query signed with {@code secret} at {@code timestamp} for a request (body null for none). */
  String query(String method, String path, String body, long timestamp, String secret) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("auth_key", credentials.key());
    q.put("auth_timestamp", Long.toString(timestamp));
    q.put("auth_version", "1.0");
    if (body != null) {
      q.put("body_md5", Hmac.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
    }
    q.put("auth_signature", new ApiRequestAuthenticator(new AppCredentials(credentials.appId(), credentials.key(),
        secret), Clock.systemUTC()).sign(method, path, q));
    return q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Sends a JSON request signed with {@code secret} at {@code timestamp}. */
  RawHttp.Response send(RawHttp raw, String method, String path, String body, long timestamp, String secret) {
    return raw.send(RawHttp.Request.of(method, path + "?" + query(method, path, body, timestamp, secret),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"));
  }

  /** A correctly signed GET of {@code path}. */
  RawHttp.Request valid(String path) {
    return RawHttp.Request.of("GET", path + "?" + signedQuery(new Random(0), "GET", path, Map.of(), null, null),
        null);
  }

  private String signedQuery(Random random, String method, String path, Map<String, String> params, byte[] body,
      String damage) {
    Map<String, String> q = new LinkedHashMap<>(params);
    long now = System.currentTimeMillis() / 1000;
    q.put("auth_key", "key".equals(damage) ? "other-key" : credentials.key());
    q.put("auth_timestamp", switch (damage == null ? "" : damage) {
      case "stale" -> Long.toString(now - ApiRequestAuthenticator.MAX_CLOCK_SKEW_SECONDS - 1 - random.nextInt(9999));
      case "future" -> Long.toString(now + ApiRequestAuthenticator.MAX_CLOCK_SKEW_SECONDS + 1 + random.nextInt(99));
      case "timestamp" -> pick(random, List.of("", "abc", "-1", "1e10", "99999999999999999999", "0x10"));
      default -> Long.toString(now);
    });
    q.put("auth_version", "version".equals(damage) ? pick(random, List.of("2.0", "", "1")) : "1.0");
    if (body != null && body.length > 0) {
      q.put("body_md5", Hmac.md5Hex(body));
    }
    q.put("auth_signature", ("secret".equals(damage) ? forger : signer).sign(method, path, q));
    if ("md5".equals(damage)) {
      q.put("body_md5", Hmac.md5Hex("something else".getBytes(StandardCharsets.UTF_8)));
    }
    if ("missing".equals(damage)) {
      q.remove(pick(random, List.of("auth_key", "auth_timestamp", "auth_version", "auth_signature", "body_md5")));
    }
    String encoded = q.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    if ("duplicate".equals(damage)) {
      encoded += "&auth_signature=" + "0".repeat(64) + "&auth_timestamp=1";
    }
    if ("collide".equals(damage)) { // the same name again in another letter case (issue 21's replay)
      encoded += "&" + pick(random, List.of("Auth_Timestamp=1", "BODY_MD5=" + "0".repeat(32), "auth_signaturE=x",
          "Auth_Key=" + credentials.key()));
    }
    if ("case".equals(damage)) {
      encoded = encoded.replace("auth_signature", "AUTH_SIGNATURE");
    }
    return encoded;
  }

  private static String eventBody(Random random, String channel) {
    String channels = switch (random.nextInt(5)) {
      case 0 -> "\"channels\":[" + "\"c\",".repeat(100 + random.nextInt(5)) + "\"c\"]";
      case 1 -> "\"channel\":" + Mutations.jsonString(channel);
      case 2 -> "\"channels\":" + Mutations.hostileValue(random);
      default -> "\"channels\":[" + Mutations.jsonString(channel) + "]";
    };
    String name = random.nextInt(4) == 0 ? Mutations.jsonString(pick(random, List.of("", "e".repeat(201),
        "pusher:x", "pusher_internal:subscription_succeeded", "client-x"))) : "\"e\"";
    String data = switch (random.nextInt(4)) {
      case 0 -> Mutations.jsonString("d".repeat(10_241 + random.nextInt(100)));
      case 1 -> Mutations.hostileValue(random);
      default -> "\"{\\\"ok\\\":true}\"";
    };
    String extra = random.nextInt(5) == 0 ? ",\"socket_id\":" + Mutations.jsonString(garbageToken(random)) : "";
    return "{\"name\":" + name + "," + channels + ",\"data\":" + data + extra + "}";
  }

  private static String batchBody(Random random, String channel) {
    return switch (random.nextInt(5)) {
      case 0 -> "{\"batch\":" + Mutations.hostileValue(random) + "}";
      case 1 -> "{\"batch\":[" + ("{\"channel\":\"c\",\"name\":\"e\",\"data\":\"x\"},").repeat(10)
          + "{\"channel\":\"c\",\"name\":\"e\",\"data\":\"x\"}]}";
      case 2 -> "{\"batch\":[" + Mutations.hostileValue(random) + "]}";
      default -> "{\"batch\":[{\"channel\":" + Mutations.jsonString(channel) + ",\"name\":\"e\",\"data\":"
          + Mutations.hostileValue(random) + "}]}";
    };
  }
}
