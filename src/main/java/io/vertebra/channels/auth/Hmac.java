package io.vertebra.channels.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hashing primitives of the Pusher protocol: HMAC-SHA256 and MD5 as lower-case hex, and safe comparison. */
public final class Hmac {

  private Hmac() {}

  /** HMAC-SHA256 of {@code text} (UTF-8) keyed with {@code secret}, as lower-case hex. */
  public static String sha256Hex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** MD5 of {@code body} as lower-case hex (the HTTP API's body_md5). */
  public static String md5Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }

  /**
   * Compares two signatures in time independent of where they differ, so an attacker cannot guess a valid
   * signature byte by byte from response times. {@code null} never matches.
   */
  public static boolean constantTimeEquals(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
