package io.vertebra.kit.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes a {@link Session} (its id and user) into a tamper-proof token and back: {@code base64url(json) + "." +
 * base64url(HMAC-SHA256(key, base64url(json)))}. The JSON carries an expiry; a token with a bad signature, a bad
 * shape or a past expiry decodes to nothing. Whether the session was revoked is the store's to say.
 */
final class SessionCodec {

  private static final String EXPIRES = "exp";
  private static final String SESSION = "sid";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Duration lifetime;

  SessionCodec(byte[] key, ObjectMapper mapper, Clock clock, Duration lifetime) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.mapper = mapper;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** How long a token stays valid. */
  Duration lifetime() {
    return lifetime;
  }

  String encode(Session session) {
    User user = session.user();
    ObjectNode json = mapper.createObjectNode();
    json.put(SESSION, session.id());
    json.put(IdentityApi.ID, user.id());
    json.put(IdentityApi.NAME, user.name());
    json.put(IdentityApi.COLOR, user.color());
    json.put(EXPIRES, clock.millis() + lifetime.toMillis());
    String payload = ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(sign(payload));
  }

  Optional<Session> decode(String token) {
    if (token == null || token.length() > 1024) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    try {
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      // Constant-time comparison: timing must not reveal how much of a forged signature is right.
      if (!MessageDigest.isEqual(signature, sign(payload))) {
        return Optional.empty();
      }
      JsonNode json = mapper.readTree(DECODER.decode(payload));
      if (json.path(EXPIRES).asLong(0) <= clock.millis()) {
        return Optional.empty();
      }
      String session = json.path(SESSION).asText(null);
      String id = json.path(IdentityApi.ID).asText(null);
      String name = json.path(IdentityApi.NAME).asText(null);
      String color = json.path(IdentityApi.COLOR).asText(null);
      return session == null || id == null || name == null || color == null ? Optional.empty()
          : Optional.of(new Session(session, new User(id, name, color)));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
