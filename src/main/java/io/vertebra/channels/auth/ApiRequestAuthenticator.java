package io.vertebra.channels.auth;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

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

  /** The string that is signed for a request: method, path and the canonical query without the signature. */
  public static String stringToSign(String method, String path, ApiQuery query) {
    StringBuilder sb = new StringBuilder(method.toUpperCase(Locale.ROOT)).append('\n').append(path).append('\n');
    boolean first = true;
    for (Map.Entry<String, String> e : query.values().entrySet()) {
      if (!e.getKey().equals("auth_signature")) {
        sb.append(first ? "" : "&").append(e.getKey()).append('=').append(e.getValue());
        first = false;
      }
    }
    return sb.toString();
  }

  /** The string that is signed for a client's decoded query ({@link ApiQuery#of} rules: names are lower-cased). */
  public static String stringToSign(String method, String path, Map<String, String> query) {
    return stringToSign(method, path, ApiQuery.of(query));
  }

  /** The signature a correct client computes for this request. */
  public String sign(String method, String path, Map<String, String> query) {
    return sign(method, path, ApiQuery.of(query));
  }

  private String sign(String method, String path, ApiQuery query) {
    return Hmac.sha256Hex(credentials.secret(), stringToSign(method, path, query));
  }

  /**
   * Checks a request; returns normally when it is authentic. Every check reads the same parsed query the
   * signature covers.
   *
   * @param body the raw body bytes (empty when none)
   * @throws AuthenticationException naming the first check that failed (never the expected signature or the
   *     string it signs: that would let a forger check guesses offline)
   */
  public void verify(String method, String path, ApiQuery query, byte[] body) throws AuthenticationException {
    verifyQuery(method, path, query);
    verifyBody(query, body);
  }

  /**
   * The checks that need no body: key, version, signature over method, path and query (body_md5 included), and
   * freshness. A request failing them can be refused before its body is read.
   */
  public void verifyQuery(String method, String path, ApiQuery query) throws AuthenticationException {
    String key = query.get("auth_key");
    if (key == null || !Hmac.constantTimeEquals(credentials.key(), key)) {
      throw new AuthenticationException("Unknown auth_key");
    }
    if (!"1.0".equals(query.get("auth_version"))) {
      throw new AuthenticationException("auth_version must be 1.0");
    }
    String signature = query.get("auth_signature");
    if (signature == null) {
      throw new AuthenticationException("auth_signature is missing");
    }
    if (!Hmac.constantTimeEquals(sign(method, path, query), signature)) {
      throw new AuthenticationException("Invalid auth_signature: it must be the HMAC-SHA256 hex digest, keyed with"
          + " the app secret, of the method, the path and the sorted query with lower-case names");
    }
    checkTimestamp(query.get("auth_timestamp"));
  }

  /** Checks the signed body_md5 against the body (required when there is a body). */
  public void verifyBody(ApiQuery query, byte[] body) throws AuthenticationException {
    if (body.length > 0 || query.has("body_md5")) {
      if (!Hmac.constantTimeEquals(Hmac.md5Hex(body), query.get("body_md5"))) {
        throw new AuthenticationException("body_md5 does not match the request body");
      }
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
