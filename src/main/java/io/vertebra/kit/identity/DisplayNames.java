package io.vertebra.kit.identity;

import io.vertebra.kit.web.ApiException;
import java.text.Normalizer;
import java.util.Set;

/**
 * The rules for a display name, which every other user sees next to posts and in presence lists: trimmed and in
 * Unicode NFC form, 1 to {@link IdentityApi#NAME_MAX_LENGTH} characters, no control characters, no
 * bidirectional controls (a right-to-left override in a name reversed the text after it on the page, e.g. a
 * post's date line), and at least one visible character (a name of zero-width spaces or blank fillers would show
 * as nobody).
 */
final class DisplayNames {

  /** Code points that are letters or symbols to Unicode but render as blank space. */
  private static final Set<Integer> BLANK = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E);

  private DisplayNames() {}

  /** {@code name} normalised, or a 400 naming the rule it breaks. */
  static String valid(String name) {
    String trimmed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).strip();
    if (trimmed.isEmpty()) {
      throw invalid("name must not be blank");
    }
    if (trimmed.length() > IdentityApi.NAME_MAX_LENGTH) {
      throw invalid("name is longer than " + IdentityApi.NAME_MAX_LENGTH + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw invalid("name must not contain control characters");
    }
    if (trimmed.codePoints().anyMatch(DisplayNames::isBidiControl)) {
      throw invalid("name must not contain text-direction control characters");
    }
    if (trimmed.codePoints().noneMatch(DisplayNames::isVisible)) {
      throw invalid("name must contain a visible character");
    }
    return trimmed;
  }

  private static boolean isBidiControl(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean isVisible(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || BLANK.contains(c)) {
      return false;
    }
    int type = Character.getType(c);
    return type != Character.FORMAT && type != Character.CONTROL && type != Character.NON_SPACING_MARK
        && type != Character.ENCLOSING_MARK && type != Character.UNASSIGNED;
  }

  private static ApiException invalid(String message) {
    return ApiException.invalid(IdentityApi.NAME, message);
  }
}
