package io.vertebra.kit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits RFC 7239 {@code Forwarded} header lines into elements and their {@code name=value} pairs. Values may be
 * quoted-strings (section 4), which can hold {@code ,} and {@code ;} and backslash-escaped characters, so the header
 * is read character by character rather than split: {@code for="a,b";proto=https} is one element.
 */
final class ForwardedHeader {

  private ForwardedHeader() {}

  /**
   * The elements of every line, oldest first, each a map of lower-cased parameter names to unquoted values (the
   * first value of a name repeated in one element); null when a line is malformed (an unterminated quoted-string),
   * so that nothing of a header that cannot be read is believed.
   */
  static List<Map<String, String>> parse(List<String> lines) {
    List<Map<String, String>> elements = new ArrayList<>();
    for (String line : lines) {
      if (!parseLine(line, elements)) {
        return null;
      }
    }
    return elements;
  }

  private static boolean parseLine(String line, List<Map<String, String>> elements) {
    Map<String, String> element = new LinkedHashMap<>();
    StringBuilder pair = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length()) {
          pair.append(line.charAt(++i));
        } else if (c == '"') {
          quoted = false;
          pair.append('\u0000'); // marks the end of a quoted part (a NUL cannot be in a header value)
        } else {
          pair.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        pair.append('\u0000');
      } else if (c == ';' || c == ',') {
        add(pair, element);
        pair.setLength(0);
        if (c == ',') {
          addElement(element, elements);
          element = new LinkedHashMap<>();
        }
      } else {
        pair.append(c);
      }
    }
    if (quoted) {
      return false;
    }
    add(pair, element);
    addElement(element, elements);
    return true;
  }

  /** Adds {@code name=value} to the element; the NUL marks around quoted parts are dropped. */
  private static void add(StringBuilder pair, Map<String, String> element) {
    String text = pair.toString();
    int eq = text.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = text.substring(0, eq).trim().toLowerCase(Locale.ROOT);
    String raw = text.substring(eq + 1).trim();
    String value = raw.replace("\u0000", "");
    element.putIfAbsent(name, value);
  }

  private static void addElement(Map<String, String> element, List<Map<String, String>> elements) {
    if (!element.isEmpty()) {
      elements.add(element);
    }
  }
}
