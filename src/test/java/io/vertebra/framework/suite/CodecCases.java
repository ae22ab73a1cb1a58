package io.vertebra.framework.suite;

import io.vertebra.framework.core.Json;
import io.vertebra.framework.core.JsonException;
import io.vertebra.framework.core.Uris;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of JSON and URI cases run against both editions of the codecs: on the JVM by CodecCasesTest (the Java
 * parser and percent-encoder) and compiled to JavaScript by the browser suite (the browser's JSON.parse and
 * encodeURIComponent family, GWT super-source). Both must give the same answers.
 */
public final class CodecCases {

  private final List<String> failures = new ArrayList<>();

  private CodecCases() {
  }

  /** Runs every case with this platform's Json and Uris; the descriptions of those that failed (empty: all passed). */
  public static List<String> failures() {
    CodecCases cases = new CodecCases();
    cases.json();
    cases.malformedJson();
    cases.uris();
    cases.malformedUris();
    return cases.failures;
  }

  private void json() {
    parses("{\"s\":\"x\",\"n\":-1.5e2,\"i\":42,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}}",
        map("s", "x", "n", -150.0, "i", 42.0, "t", true, "f", false, "z", null,
            "a", list(1.0, list(), map()), "o", map("k", "v")));
    parses(" \t\r\n[0.5, 1E3, -2e-2, 9007199254740993, 1e400] ", list(0.5, 1000.0, -0.02, 9007199254740992.0,
        Double.POSITIVE_INFINITY));
    parses("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\u2028\"", "\"\\/\b\f\n\r\t\u00e9\ud83d\ude00\u2028");
    parses("{\"a\":1,\"a\":2}", map("a", 2.0));
    parses("\"\\ud800\"", "\ud800");
    parses("null", null);
    parses("[".repeat(512) + "]".repeat(512), nested(512));
    Object ordered = parse("{\"z\":1,\"a\":2,\"m\":3}");
    check(ordered instanceof Map && new ArrayList<>(((Map<?, ?>) ordered).keySet()).equals(list("z", "a", "m")),
        "object keys keep their order: " + ordered);
    Object number = parse("[42]");
    check(number instanceof List && ((List<?>) number).get(0) instanceof Double, "numbers are Doubles: " + number);
  }

  private void malformedJson() {
    for (String text : new String[] {"", "   ", "{\"a\":1,}", "[1,2", "{'a':1}", "01", "1.", "-", "1e", "tru",
        "\"abc", "\"\\x\"", "\"\\u12G4\"", "[1] 2", "{\"a\" 1}", "NaN", "\"a\u0001\"", "[".repeat(513)
        + "]".repeat(513), "undefined", "{\"a\":1}}"}) {
      try {
        Object value = Json.parse(text);
        failures.add("accepted malformed JSON " + shorten(text) + " as " + value);
      } catch (JsonException expected) {
        if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
          failures.add("no message for malformed JSON " + shorten(text));
        }
      }
    }
  }

  private void uris() {
    same("encodeComponent", "a%20b%26c%3Dd%2F%3F%23%C3%A9%F0%9F%98%80-_.!~*'()",
        Uris.encodeComponent("a b&c=d/?#\u00e9\ud83d\ude00-_.!~*'()"));
    same("decodeComponent", "a b&c=d/?#\u00e9\ud83d\ude00", Uris.decodeComponent(
        "a%20b%26c%3Dd%2F%3F%23%C3%A9%F0%9F%98%80"));
    same("decodeUri keeps reserved escapes", "%2F%3F%23%26 \u00e9", Uris.decodeUri("%2F%3F%23%26%20%C3%A9"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("a b", "c&d");
    fields.put("e", "\u00fc");
    same("formEncode", "a+b=c%26d&e=%C3%BC", Uris.formEncode(fields));
    same("appendQuery", "/x?y=1&a+b=c%26d&e=%C3%BC", Uris.appendQuery("/x?y=1", fields));
    same("encodeLocationPart", "/a%20b/%22%3C%3E%60%C3%A9?q=%25#h%EF%BF%BD",
        Uris.encodeLocationPart("/a b/\"<>`\u00e9?q=%25#h\ud800"));
  }

  private void malformedUris() {
    for (String text : new String[] {"%", "%E", "%ZZ", "%C3", "%C3%28", "%C0%80", "%E0%80%80", "%ED%A0%80",
        "%F4%90%80%80", "%F8%80%80%80%80"}) {
      try {
        failures.add("decoded malformed " + text + " as " + Uris.decodeComponent(text));
      } catch (IllegalArgumentException expected) {
        // as JavaScript's URIError
      }
    }
    try {
      failures.add("encoded a lone surrogate as " + Uris.encodeComponent("a\ud800b"));
    } catch (IllegalArgumentException expected) {
      // as JavaScript's URIError
    }
  }

  private void parses(String text, Object expected) {
    Object actual = parse(text);
    if (!Arrays.deepEquals(new Object[] {expected}, new Object[] {actual})) {
      failures.add("parse " + shorten(text) + ": expected <" + shorten(String.valueOf(expected)) + "> but was <"
          + shorten(String.valueOf(actual)) + ">");
    }
  }

  private Object parse(String text) {
    try {
      return Json.parse(text);
    } catch (RuntimeException e) {
      failures.add("parse " + shorten(text) + " threw " + e.getMessage());
      return null;
    }
  }

  private void same(String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      failures.add(what + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }

  private void check(boolean condition, String what) {
    if (!condition) {
      failures.add(what);
    }
  }

  private static Object nested(int depth) {
    Object value = list();
    for (int i = 1; i < depth; i++) {
      value = list(value);
    }
    return value;
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
