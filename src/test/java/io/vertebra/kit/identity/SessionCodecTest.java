package io.vertebra.kit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Session tokens: round trip, and every way a token can be wrong. */
class SessionCodecTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
  private static final User ANN = new User("u0123456789abcdef", "Ann \"the\" Écrivain", "#1f77b4");
  private static final Session SESSION = new Session("0123456789abcdef0123456789abcdef", ANN);

  private final ObjectMapper mapper = new ObjectMapper();

  private SessionCodec codec(byte[] key, Instant now) {
    return new SessionCodec(key, mapper, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(30));
  }

  @Test
  @DisplayName("a token decodes to the user it was made for, until it expires")
  void roundTripAndExpiry() {
    String token = codec(KEY, NOW).encode(SESSION);
    assertEquals(Optional.of(SESSION), codec(KEY, NOW.plus(Duration.ofDays(29))).decode(token));
    assertEquals(Optional.empty(), codec(KEY, NOW.plus(Duration.ofDays(30))).decode(token));
  }

  @Test
  @DisplayName("another key, a changed payload or signature, and junk all decode to nothing")
  void rejects() {
    String token = codec(KEY, NOW).encode(SESSION);
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertTrue(codec(otherKey, NOW).decode(token).isEmpty(), "other key");
    int dot = token.indexOf('.');
    char flipped = token.charAt(1) == 'A' ? 'B' : 'A';
    assertTrue(codec(KEY, NOW).decode(token.charAt(0) + "" + flipped + token.substring(2)).isEmpty(), "payload");
    assertTrue(codec(KEY, NOW).decode(token.substring(0, dot + 1) + "x" + token.substring(dot + 2)).isEmpty(),
        "signature");
    for (String junk : new String[] {null, "", ".", "abc", "a.b", "!!!.???", "x".repeat(5000)}) {
      assertTrue(codec(KEY, NOW).decode(junk).isEmpty(), String.valueOf(junk));
    }
  }
}
