package io.vertebra.framework.core;

import java.util.Map;

/** URL text helpers that behave the same on the JVM and in the browser (no java.net, which GWT lacks). */
public final class Uris {

  private Uris() {
  }

  /**
   * Percent-encodes text as JavaScript's {@code encodeURIComponent} does (UTF-8).
   *
   * @throws IllegalArgumentException for a lone surrogate, as JavaScript throws URIError
   */
  public static String encodeComponent(String text) {
    return UriCodec.encodeComponent(text);
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
    return url + (url.indexOf("?") >= 0 ? "&" : "?") + formEncode(params);
  }

  /**
   * Decodes every percent escape as JavaScript's {@code decodeURIComponent} does (UTF-8).
   *
   * @throws IllegalArgumentException for a malformed escape or invalid UTF-8, as JavaScript throws URIError
   */
  public static String decodeComponent(String text) {
    return UriCodec.decodeComponent(text);
  }

  /**
   * Decodes percent escapes as JavaScript's {@code decodeURI} does: escapes of the URI's reserved characters
   * ({@code ;/?:@&=+$,#}) stay as they are, so a decoded path keeps its structure.
   *
   * @throws IllegalArgumentException for a malformed escape or invalid UTF-8
   */
  public static String decodeUri(String text) {
    return UriCodec.decodeUri(text);
  }

  /**
   * Percent-encodes what a browser's URL parser would in a location (non-ASCII as UTF-8, spaces and
   * {@code "<>`}), leaving existing escapes and URL structure alone.
   */
  public static String encodeLocationPart(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c > 0x20 && c < 0x7F && "\"<>`".indexOf(String.valueOf(c)) < 0) {
        out.append(c);
        i++;
        continue;
      }
      // Everything else is escaped exactly as encodeURIComponent escapes it; a surrogate pair goes as one, and a
      // lone surrogate becomes U+FFFD, as a browser's URL parser makes it.
      int end = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)) ? i + 2 : i + 1;
      out.append(end == i + 1 && c >= 0xD800 && c <= 0xDFFF ? "%EF%BF%BD"
          : UriCodec.encodeComponent(text.substring(i, end)));
      i = end;
    }
    return out.toString();
  }

  private static String formComponent(String text) {
    return replaceEach(encodeComponent(text == null ? "" : text), "%20", "+");
  }

  /**
   * {@code text} with every {@code from} replaced by {@code to}: what {@code String.replace} does, without the
   * regular-expression escaping and replacement parsing the compiled JRE's {@code replace} ships for it. An empty
   * {@code from} replaces nothing.
   */
  public static String replaceEach(String text, String from, String to) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int at = from.isEmpty() ? -1 : text.indexOf(from); at >= 0; at = text.indexOf(from, start)) {
      out.append(text, start, at).append(to);
      start = at + from.length();
    }
    return out.append(text, start, text.length()).toString();
  }
}
