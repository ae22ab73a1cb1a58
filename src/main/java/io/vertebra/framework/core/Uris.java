package io.vertebra.framework.core;

import java.util.Map;

/** URL text helpers that behave the same on the JVM and in the browser (no java.net, which GWT lacks). */
public final class Uris {

  private static final String HEX = "0123456789ABCDEF";
  /** Characters encodeURIComponent leaves alone besides letters and digits. */
  private static final String UNRESERVED = "-_.!~*'()";

  private Uris() {
  }

  /** Percent-encodes text as JavaScript's {@code encodeURIComponent} does (UTF-8). */
  public static String encodeComponent(String text) {
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
      }
      appendUtf8(out, codePoint);
    }
    return out.toString();
  }

  /** Encodes key/value pairs as an {@code application/x-www-form-urlencoded} body (spaces as {@code +}). */
  public static String formEncode(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(formComponent(e.getKey())).append('=').append(formComponent(e.getValue()));
    }
    return out.toString();
  }

  /** Appends form-encoded parameters to a URL, after {@code ?} or {@code &} as needed. */
  public static String appendQuery(String url, Map<String, String> params) {
    if (params.isEmpty()) {
      return url;
    }
    return url + (url.indexOf('?') >= 0 ? "&" : "?") + formEncode(params);
  }

  private static String formComponent(String text) {
    return encodeComponent(text == null ? "" : text).replace("%20", "+");
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
