package io.vertebra.channels.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Against the worked example of Pusher's HTTP API reference (POST /apps/3/events at 1353088179). */
class ApiRequestAuthenticatorTest {

  static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";
  static final long TIMESTAMP = 1353088179L;

  private final ApiRequestAuthenticator auth = new ApiRequestAuthenticator(SocketAuthenticatorTest.DOCS,
      Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 5), ZoneOffset.UTC));

  private static Map<String, String> documentedQuery() {
    Map<String, String> q = new HashMap<>();
    q.put("auth_key", "278d425bdf160c739803");
    q.put("auth_timestamp", Long.toString(TIMESTAMP));
    q.put("auth_version", "1.0");
    q.put("body_md5", "ec365a775a4cd0599faeb73354201b6f");
    q.put("auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
    return q;
  }

  private static byte[] body() {
    return BODY.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("documented example: body_md5 and auth_signature match")
  void documentedExample() {
    assertEquals("ec365a775a4cd0599faeb73354201b6f", Hmac.md5Hex(body()));
    assertEquals("POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
        + "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f",
        ApiRequestAuthenticator.stringToSign("POST", "/apps/3/events", documentedQuery()));
    assertDoesNotThrow(() -> auth.verify("POST", "/apps/3/events", ApiQuery.of(documentedQuery()), body()));
  }

  @Test
  void tamperedBodyIsRejected() {
    byte[] other = BODY.replace("foo", "bar").getBytes(StandardCharsets.UTF_8);
    var e = assertThrows(AuthenticationException.class,
        () -> auth.verify("POST", "/apps/3/events", ApiQuery.of(documentedQuery()), other));
    assertTrue(e.getMessage().contains("body_md5"));
  }

  @Test
  void wrongSignatureIsRejected() {
    Map<String, String> q = documentedQuery();
    q.put("auth_signature", "0" + q.get("auth_signature").substring(1));
    var e = assertThrows(AuthenticationException.class,
        () -> auth.verify("POST", "/apps/3/events", ApiQuery.of(q), body()));
    assertTrue(e.getMessage().contains("auth_signature"));
    assertThrows(AuthenticationException.class,
        () -> auth.verify("POST", "/apps/4/events", ApiQuery.of(documentedQuery()), body()), "the path is signed");
  }

  @Test
  void wrongKeyIsRejected() {
    Map<String, String> q = documentedQuery();
    q.put("auth_key", "someoneelse");
    assertThrows(AuthenticationException.class, () -> auth.verify("POST", "/apps/3/events", ApiQuery.of(q), body()));
  }

  @Test
  void staleTimestampIsRejected() {
    var late = new ApiRequestAuthenticator(SocketAuthenticatorTest.DOCS,
        Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 601), ZoneOffset.UTC));
    var e = assertThrows(AuthenticationException.class,
        () -> late.verify("POST", "/apps/3/events", ApiQuery.of(documentedQuery()), body()));
    assertTrue(e.getMessage().contains("auth_timestamp"));
  }

  @Test
  void extraParametersAreSignedSortedWithLowerCaseKeys() {
    Map<String, String> q = new HashMap<>();
    q.put("auth_key", "278d425bdf160c739803");
    q.put("auth_timestamp", Long.toString(TIMESTAMP));
    q.put("auth_version", "1.0");
    q.put("Info", "user_count");
    q.put("filter_by_prefix", "presence-");
    assertEquals("GET\n/apps/3/channels\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
        + "&auth_version=1.0&filter_by_prefix=presence-&info=user_count",
        ApiRequestAuthenticator.stringToSign("GET", "/apps/3/channels", q));
    q.put("auth_signature", auth.sign("GET", "/apps/3/channels", q));
    assertDoesNotThrow(() -> auth.verify("GET", "/apps/3/channels", ApiQuery.of(q), new byte[0]));
    q.put("filter_by_prefix", "private-");
    assertThrows(AuthenticationException.class,
        () -> auth.verify("GET", "/apps/3/channels", ApiQuery.of(q), new byte[0]));
  }

  @Test
  void theRefusalDoesNotRevealTheStringToSign() {
    Map<String, String> q = documentedQuery();
    q.put("auth_signature", "0".repeat(64));
    var e = assertThrows(AuthenticationException.class,
        () -> auth.verify("POST", "/apps/3/events", ApiQuery.of(q), body()));
    assertFalse(e.getMessage().contains("/apps/3/events") || e.getMessage().contains("278d425bdf160c739803"),
        e.getMessage());
  }

  @Test
  void aMissingSignatureIsNamed() {
    Map<String, String> q = documentedQuery();
    q.remove("auth_signature");
    var e = assertThrows(AuthenticationException.class,
        () -> auth.verify("POST", "/apps/3/events", ApiQuery.of(q), body()));
    assertTrue(e.getMessage().contains("auth_signature is missing"), e.getMessage());
  }
}
