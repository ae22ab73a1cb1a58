package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.List;

/** Backbone's event-name splitter ({@code /\s+/}), for {@link Events} and {@link ChangeOf}. */
final class EventNames {

  private EventNames() {}

  /**
   * Splits "a b  c" into event names, as Backbone's eventSplitter ({@code /\s+/}) does, without a leading empty
   * name. A loop rather than {@code String.split}, which in the browser costs a RegExp per call and ships the JRE's
   * regular-expression split.
   */
  static List<String> split(String names) {
    List<String> result = new ArrayList<>();
    if (names == null) {
      return result;
    }
    // Most triggers name one event ("change", "change:title"): that name as it is (also "", as split gives it).
    if (!hasWhitespace(names)) {
      result.add(names);
      return result;
    }
    int start = -1;
    for (int i = 0; i <= names.length(); i++) {
      boolean space = i == names.length() || isSpace(names.charAt(i));
      if (space && start >= 0) {
        result.add(names.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return result;
  }

  /** Whether {@code s} holds a character of the splitter's {@code \s}. */
  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isSpace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The splitter's {@code \s}: space, tab, line feed, VT, form feed, CR. */
  private static boolean isSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }
}
