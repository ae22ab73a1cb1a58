package io.vertebra.kit.live;

import io.vertebra.kit.web.ApiException;

/**
 * The version a write is based on, from {@code If-Match} ({@code "7"}, the {@code ETag} form; {@code *} means any)
 * and/or the body's {@code version}. Both may be given but must then agree.
 */
final class Preconditions {

  private Preconditions() {}

  /** The {@code ETag} of a version: {@code "7"}. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The expected version, or null for an unconditional write. */
  static Long expectedVersion(String ifMatch, Long bodyVersion) {
    Long headerVersion = parseIfMatch(ifMatch);
    if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
      throw ApiException.invalid("version", "version " + bodyVersion + " in the body disagrees with If-Match "
          + ifMatch.trim());
    }
    return headerVersion != null ? headerVersion : bodyVersion;
  }

  /** The version an {@code If-Match} header names; null for none or {@code *}. */
  static Long parseIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 3 && tag.length() <= 21 && tag.startsWith("\"") && tag.endsWith("\"")) {
      String digits = tag.substring(1, tag.length() - 1);
      if (digits.chars().allMatch(Character::isDigit) && !digits.startsWith("0")) {
        return Long.parseLong(digits);
      }
    }
    throw ApiException.invalid("If-Match", "If-Match must be a version ETag such as " + etag(7) + ", got "
        + ifMatch.trim());
  }
}
