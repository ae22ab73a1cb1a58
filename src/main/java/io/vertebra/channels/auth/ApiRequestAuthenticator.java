package io.vertebra.channels.auth;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * Authenticates HTTP API requests as Pusher's HTTP API reference defines: the query carries {@code auth_key},
 * {@code auth_timestamp}, {@code auth_version=1.0}, {@code body_md5} (when there is a body) and
 * {@code auth_signature = HMAC-SHA256(secret, METHOD\nPATH\nsorted query without auth_signature)}.
 */
public final class ApiRequestAuthenticator {

  /** How far a request's timestamp may be from the server clock, in seconds. */
  public static final long MAX_CLOCK_SKEW_SECONDS = 600;

  private final AppCredentials credentials;
  private final Clock clock;

  /** An authenticator for the app's credentials using {@code clock} for the freshness check. */
  public ApiRequestAuthenticator(AppCredentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The string that is signed for a request: method, path and the sorted query (lower-case keys). */
  public static String stringToSign(String method, String path, Map<String, String> query) {
    Map<String, String> sorted = new TreeMap<>();
    query.forEach((k, v) -> {
      if (!k.equalsIgnoreCase("auth_signature")) {
        sorted.put(k.toLowerCase(java.util.Locale.ROOT), v);
      }
    });
    StringBuilder sb = new StringBuilder(method.toUpperCase(java.util.Locale.ROOT)).append('\n').append(path)
        .append('\n');
    boolean first = true;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      sb.append(first ? "" : "&").append(e.getKey()).append('=').append(e.getValue());
      first = false;
    }
    return sb.toString();
  }

  /** The signature a correct client computes for this request. */
  public String sign(String method, String path, Map<String, String> query) {
    return Hmac.sha256Hex(credentials.secret(), stringToSign(method, path, query));
  }

  /**
   * Checks a request; returns normally when it is authentic.
   *
   * @param query the decoded query parameters (one value each)
   * @param body the raw body bytes (empty when none)
   * @throws AuthenticationException naming the first check that failed
   */
  public void verify(String method, String path, Map<String, String> query, byte[] body)
      throws AuthenticationException {
    String key = query.get("auth_key");
    if (key == null || !Hmac.constantTimeEquals(credentials.key(), key)) {
      throw new AuthenticationException("Unknown auth_key");
    }
    if (!"1.0".equals(query.get("auth_version"))) {
      throw new AuthenticationException("auth_version must be 1.0");
    }
    checkTimestamp(query.get("auth_timestamp"));
    if (body.length > 0 || query.containsKey("body_md5")) {
      if (!Hmac.constantTimeEquals(Hmac.md5Hex(body), query.get("body_md5"))) {
        throw new AuthenticationException("body_md5 does not match the request body");
      }
    }
    if (!Hmac.constantTimeEquals(sign(method, path, query), query.get("auth_signature"))) {
      throw new AuthenticationException("Invalid auth_signature: expected HMAC-SHA256 hex digest of '"
          + stringToSign(method, path, query).replace("\n", "\\n") + "'");
    }
  }

  private void checkTimestamp(String timestamp) throws AuthenticationException {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp == null ? "" : timestamp);
    } catch (NumberFormatException e) {
      throw new AuthenticationException("auth_timestamp must be a Unix time in seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > MAX_CLOCK_SKEW_SECONDS) {
      throw new AuthenticationException("auth_timestamp expired: it differs from server time by " + skew
          + " s (limit " + MAX_CLOCK_SKEW_SECONDS + " s)");
    }
  }
}
