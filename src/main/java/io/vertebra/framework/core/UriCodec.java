package io.vertebra.framework.core;

/**
 * The percent-encoding behind {@link Uris}, JVM edition: JavaScript's {@code encodeURIComponent},
 * {@code decodeURIComponent} and {@code decodeURI} written out in Java (UTF-8). Compiled to JavaScript the browser
 * edition (GWT super-source in src/main/resources/io/vertebra/framework/super) calls the browser's own functions.
 */
final class UriCodec {

  private static final String HEX = "0123456789ABCDEF";
  /** Characters encodeURIComponent leaves alone besides letters and digits. */
  private static final String UNRESERVED = "-_.!~*'()";
  /** The reserved characters whose escapes decodeURI keeps. */
  private static final String URI_RESERVED = ";/?:@&=+$,#";

  private UriCodec() {
  }

  static String encodeComponent(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNRESERVED.indexOf(c) >= 0) {
        out.append(c);
        continue;
      }
      int codePoint = c;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        codePoint = Character.toCodePoint(c, text.charAt(++i));
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        // A lone surrogate has no UTF-8 form: JavaScript throws URIError.
        throw new IllegalArgumentException("URI malformed: lone surrogate at " + i);
      }
      appendUtf8(out, codePoint);
    }
    return out.toString();
  }

  static String decodeComponent(String text) {
    return decode(text, "");
  }

  static String decodeUri(String text) {
    return decode(text, URI_RESERVED);
  }

  private static String decode(String text, String keepEscaped) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int first = hexByte(text, i);
      int length = utf8Length(first);
      if (length == 1) {
        char decoded = (char) first;
        out.append(keepEscaped.indexOf(decoded) >= 0 ? text.substring(i, i + 3) : String.valueOf(decoded));
        i += 3;
        continue;
      }
      int codePoint = first & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        int next = hexByte(text, i + 3 * k);
        if ((next & 0xC0) != 0x80) {
          throw new IllegalArgumentException("URI malformed at " + (i + 3 * k) + ": " + text);
        }
        codePoint = codePoint << 6 | next & 0x3F;
      }
      // As JavaScript: overlong forms, surrogates and code points past U+10FFFF are malformed.
      int shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
      if (codePoint < shortest || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
        throw new IllegalArgumentException("URI malformed at " + i + ": " + text);
      }
      out.append(Character.toChars(codePoint));
      i += 3 * length;
    }
    return out.toString();
  }

  private static int hexByte(String text, int at) {
    if (at + 3 > text.length() || text.charAt(at) != '%') {
      throw new IllegalArgumentException("URI malformed at " + at + ": " + text);
    }
    int high = Character.digit(text.charAt(at + 1), 16);
    int low = Character.digit(text.charAt(at + 2), 16);
    if (high < 0 || low < 0) {
      throw new IllegalArgumentException("URI malformed at " + at + ": " + text);
    }
    return high << 4 | low;
  }

  /** How many bytes a UTF-8 sequence starting with {@code first} has. */
  private static int utf8Length(int first) {
    if (first < 0x80) {
      return 1;
    }
    if (first >= 0xC2 && first <= 0xDF) {
      return 2;
    }
    if (first >= 0xE0 && first <= 0xEF) {
      return 3;
    }
    if (first >= 0xF0 && first <= 0xF4) {
      return 4;
    }
    throw new IllegalArgumentException("URI malformed: invalid UTF-8 lead byte " + first);
  }

  private static void appendUtf8(StringBuilder out, int codePoint) {
    if (codePoint < 0x80) {
      appendByte(out, codePoint);
    } else if (codePoint < 0x800) {
      appendByte(out, 0xC0 | codePoint >> 6);
      appendByte(out, 0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      appendByte(out, 0xE0 | codePoint >> 12);
      appendByte(out, 0x80 | codePoint >> 6 & 0x3F);
      appendByte(out, 0x80 | codePoint & 0x3F);
    } else {
      appendByte(out, 0xF0 | codePoint >> 18);
      appendByte(out, 0x80 | codePoint >> 12 & 0x3F);
      appendByte(out, 0x80 | codePoint >> 6 & 0x3F);
      appendByte(out, 0x80 | codePoint & 0x3F);
    }
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX.charAt(b >> 4 & 0xF)).append(HEX.charAt(b & 0xF));
  }
}
