package io.vertebra.security;

import static io.vertebra.security.Mutations.garbageToken;
import static io.vertebra.security.Mutations.pick;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Generates hostile requests against the REST API and the pusher-js auth endpoints: each case starts from a valid
 * request of one endpoint and damages one to three of its parts (method, path, query, headers, body) with the
 * shared {@link Mutations}.
 */
final class RestCases {

  private static final List<String> ODD_METHODS = List.of("TRACE", "CONNECT", "PROPFIND", "MKCOL", "FOO", "get",
      "Post", "OPTIONS", "HEAD", "PATCH", "PUT", "DELETE", "X".repeat(300), "GET\u00e9");
  private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
      "application/json; charset=\"UTF-8\"", "application/json; charset=latin1", "application/json; charset=utf-16",
      "text/plain", "text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/vnd.x+json", "", "application/json, text/html", "APPLICATION/JSON", "application/json;;;",
      "application/json; charset", "*/*", "application/", "/json", "application/json\t; a=b");
  private static final List<String> IF_MATCH = List.of("*", "\"abc\"", "W/\"1\"", "\"99999999999999999999\"", "",
      "\"1\", \"2\"", "1", "\"-1\"", "\"\"", "\"", "\"1", "\"0x10\"", "\"1e3\"", "\"\u00e9\"", "\" 1\"");

  private final String cookie;
  private final LongSupplier postId;
  private final String validPost = "{\"title\":\"A title\",\"body\":\"Some body text\"}";

  /** Cases signed in with {@code cookie} (a valid session cookie) against posts chosen by {@code postId}. */
  RestCases(String cookie, LongSupplier postId) {
    this.cookie = cookie;
    this.postId = postId;
  }

  RawHttp.Request next(Random random) {
    long id = postId.getAsLong();
    // A valid starting point: method, path, query, body and content type of one endpoint.
    String method;
    String path;
    String body;
    String type = "application/json";
    switch (random.nextInt(9)) {
      case 0 -> {
        method = "GET";
        path = "/api/posts";
        body = null;
      }
      case 1, 2 -> {
        method = "POST";
        path = "/api/posts";
        body = validPost;
      }
      case 3 -> {
        method = pick(random, List.of("GET", "PUT", "PATCH", "DELETE"));
        path = "/api/posts/" + id;
        body = method.equals("PUT") || method.equals("PATCH") ? "{\"id\":" + id + ",\"title\":\"T\",\"body\":\"B\"}"
            : null;
      }
      case 4 -> {
        method = pick(random, List.of("GET", "POST", "DELETE"));
        path = "/api/session";
        body = method.equals("POST") ? "{\"name\":\"Mallory\"}" : null;
      }
      case 5, 6 -> {
        method = "POST";
        path = "/pusher/auth";
        body = form(random, "socket_id", "123.456", "channel_name", "presence-post-" + id);
        type = "application/x-www-form-urlencoded";
      }
      default -> {
        method = "POST";
        path = "/pusher/user-auth";
        body = form(random, "socket_id", "123.456");
        type = "application/x-www-form-urlencoded";
      }
    }
    boolean json = type.equals("application/json");
    String query = "";
    List<String[]> headers = new ArrayList<>();
    byte[] bodyBytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    int damages = 1 + random.nextInt(3);
    boolean typed = false;
    for (int d = 0; d < damages; d++) {
      switch (random.nextInt(body == null ? 5 : 7)) {
        case 0 -> method = pick(random, ODD_METHODS);
        case 1 -> path = damagePath(random, path);
        case 2 -> query = damageQuery(random);
        case 3 -> headers.add(oddHeader(random));
        case 4 -> {
          headers.add(new String[] {"Content-Type", pick(random, CONTENT_TYPES)});
          typed = true;
        }
        default -> bodyBytes = json ? Mutations.hostileBody(random, body) : hostileForm(random);
      }
    }
    if (!typed && bodyBytes != null) {
      headers.add(new String[] {"Content-Type", type});
    }
    headers.add(new String[] {"Cookie", cookieHeader(random)});
    byte[] target = (path + query).getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(20) == 0) {
      target = Mutations.withBadUtf8(random, path + query);
    }
    return new RawHttp.Request(method, target, headers, bodyBytes);
  }

  private String cookieHeader(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> "vertebra_session=" + garbageToken(random).replace(";", "");
      case 1 -> "vertebra_session=" + tamper(random, cookie);
      case 2 -> "vertebra_session=" + cookie + "; vertebra_session=" + garbageToken(random).replace(";", "");
      case 3 -> "";
      default -> "vertebra_session=" + cookie;
    };
  }

  /** The cookie with one character changed: its signature must no longer hold. */
  static String tamper(Random random, String token) {
    int at = random.nextInt(token.length());
    char c = token.charAt(at);
    char other = c == 'A' ? 'B' : 'A';
    return token.substring(0, at) + other + token.substring(at + 1);
  }

  private static String damagePath(Random random, String path) {
    String trick = pick(random, Mutations.PATH_TRICKS);
    return switch (random.nextInt(5)) {
      case 0 -> path + "/" + trick;
      case 1 -> path.replace("/api/", "/api/" + trick + "/");
      case 2 -> path + trick;
      case 3 -> path + "/" + pick(random, List.of("-1", "0", "99999999999999999999", "1.5", "1e3", "0x1", " 1",
          "%31", "\u0661", "1/../1", "%2F1"));
      default -> "/api/posts/" + trick + "/" + trick + "/etc/passwd";
    };
  }

  private static String damageQuery(Random random) {
    String value = URLEncoder.encode(garbageToken(random), StandardCharsets.UTF_8);
    return switch (random.nextInt(6)) {
      case 0 -> "?limit=" + pick(random, List.of("-1", "0", "201", "1e9", "abc", "", "99999999999", "1.5", "%ff",
          "1&limit=2"));
      case 1 -> "?cursor=" + value;
      case 2 -> "?cursor=" + pick(random, List.of("%ff", "%zz", "%00", "eyJ9", "====", "A".repeat(5000)));
      case 3 -> "?limit=1&cursor=" + value + "&cursor=" + value;
      case 4 -> "?" + pick(random, Mutations.PATH_TRICKS);
      default -> "?" + "a=" + "b".repeat(random.nextInt(9000)) + "&" + value;
    };
  }

  private static String[] oddHeader(Random random) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> new String[] {"If-Match", pick(random, IF_MATCH)};
      case 2 -> new String[] {"X-Socket-Id", pick(random, List.of("1.2.3", "abc", "1234.", ".5678", "-1.-1",
          "1".repeat(200) + ".1", "123.456", "123.456, 789.1", garbageToken(random)))};
      case 3 -> new String[] {"If-None-Match", garbageToken(random)};
      case 4 -> new String[] {"Accept", garbageToken(random)};
      default -> new String[] {"Transfer-Encoding", pick(random, List.of("gzip", "identity", "chunked, gzip"))};
    };
  }

  private static String form(Random random, String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(out.length() == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static byte[] hostileForm(Random random) {
    String form = switch (random.nextInt(7)) {
      case 0 -> "socket_id=" + URLEncoder.encode(garbageToken(random), StandardCharsets.UTF_8)
          + "&channel_name=presence-post-1";
      case 1 -> "socket_id=123.456&channel_name=" + URLEncoder.encode(garbageToken(random), StandardCharsets.UTF_8);
      case 2 -> "socket_id=123.456&channel_name=" + pick(random, List.of("private-x", "presence-", "presence-post-",
          "presence-post-abc", "presence-post-99999999999999999999", "presence-post--1", "private-encrypted-x",
          "presence-other", "public", "#server-to-user-1", "presence-post-1%00"));
      case 3 -> "socket_id=%zz&channel_name=%ff%fe";
      case 4 -> "socket_id=123.456&socket_id=789.1&channel_name=presence-post-1&channel_name=private-x";
      case 5 -> "a=" + "b".repeat(20_000 + random.nextInt(300_000));
      default -> "=&&==&socket_id&channel_name";
    };
    return random.nextInt(4) == 0 ? Mutations.withBadUtf8(random, form) : form.getBytes(StandardCharsets.UTF_8);
  }
}
