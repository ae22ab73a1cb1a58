package io.vertebra.framework.router;

import com.google.gwt.regexp.shared.MatchResult;
import com.google.gwt.regexp.shared.RegExp;
import io.vertebra.framework.core.Uris;

/**
 * A compiled route: Backbone's route syntax ({@code :param} for one path segment, {@code *splat} for any run of
 * characters, {@code (optional)} parts) turned into a regular expression that also captures a trailing
 * {@code ?query}. Works the same on the JVM and in the browser.
 */
public final class RoutePattern {

  /** Characters escaped before translation, as Backbone's escapeRegExp (plus whitespace). */
  private static final String REGEX_SPECIALS = "-{}[]+?.,\\^$|#";
  private static final String NAMED_PARAM = "([^/?]+)";
  private static final String SPLAT_PARAM = "([^?]*?)";
  private static final String QUERY_SUFFIX = "(?:\\?([\\s\\S]*))?$";

  private final RegExp regExp;

  private RoutePattern(RegExp regExp) {
    this.regExp = regExp;
  }

  /** Compiles a route string such as {@code "docs/:section(/:subsection)"}. */
  public static RoutePattern compile(String route) {
    String pattern = splats(namedParams(optionalParts(escape(route))));
    return new RoutePattern(RegExp.compile("^" + pattern + QUERY_SUFFIX));
  }

  /** Uses a ready regular expression as the route; its groups become the callback's arguments. */
  public static RoutePattern of(RegExp regExp) {
    return new RoutePattern(regExp);
  }

  /** Whether {@code fragment} matches this route. */
  public boolean matches(String fragment) {
    return regExp.test(fragment);
  }

  /**
   * The parameters of a matching fragment: every group but the last is URI-decoded (a malformed escape is kept as
   * written), the last (the query string) is passed as it is; empty groups become {@code null}.
   */
  public String[] extract(String fragment) {
    MatchResult match = regExp.exec(fragment);
    if (match == null) {
      return new String[0];
    }
    int count = match.getGroupCount() - 1;
    String[] params = new String[count];
    for (int i = 0; i < count; i++) {
      String group = match.getGroup(i + 1);
      boolean empty = group == null || group.isEmpty();
      params[i] = empty ? null : (i == count - 1 ? group : decodeLeniently(group));
    }
    return params;
  }

  /** A typed-in URL may hold a malformed escape ("%zz"): keep the text rather than fail the navigation. */
  private static String decodeLeniently(String param) {
    try {
      return Uris.decodeComponent(param);
    } catch (IllegalArgumentException malformed) {
      return param;
    }
  }

  @Override
  public String toString() {
    return regExp.getSource();
  }

  private static String escape(String route) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < route.length(); i++) {
      char c = route.charAt(i);
      if (REGEX_SPECIALS.contains(String.valueOf(c)) || isWhitespace(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** {@code (x)} → {@code (?:x)?}, pairing each '(' with the first ')' after it. */
  private static String optionalParts(String route) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < route.length()) {
      int open = route.indexOf("(", i);
      int close = open < 0 ? -1 : route.indexOf(")", open + 1);
      if (close < 0) {
        out.append(route, i, route.length());
        break;
      }
      out.append(route, i, open).append("(?:").append(route, open + 1, close).append(")?");
      i = close + 1;
    }
    return out.toString();
  }

  /** {@code :name} → a one-segment group; the {@code (?:} of an optional part is left alone. */
  private static String namedParams(String route) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < route.length()) {
      if (route.startsWith("(?:", i) && i + 3 < route.length() && isWord(route.charAt(i + 3))) {
        int end = wordEnd(route, i + 3);
        out.append(route, i, end);
        i = end;
      } else if (route.charAt(i) == ':' && i + 1 < route.length() && isWord(route.charAt(i + 1))) {
        out.append(NAMED_PARAM);
        i = wordEnd(route, i + 1);
      } else {
        out.append(route.charAt(i++));
      }
    }
    return out.toString();
  }

  /** {@code *name} → a lazy group that may span segments. */
  private static String splats(String route) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < route.length()) {
      if (route.charAt(i) == '*' && i + 1 < route.length() && isWord(route.charAt(i + 1))) {
        out.append(SPLAT_PARAM);
        i = wordEnd(route, i + 1);
      } else {
        out.append(route.charAt(i++));
      }
    }
    return out.toString();
  }

  private static int wordEnd(String text, int from) {
    int end = from;
    while (end < text.length() && isWord(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0xA0;
  }
}
