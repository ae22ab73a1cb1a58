package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small JSON codec that runs both on the JVM and compiled to JavaScript: models and collections use it for
 * request bodies and responses.
 *
 * <p>Parsed values are {@code Map<String, Object>} (a {@link java.util.LinkedHashMap}, keeping key order),
 * {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} or {@code null}. Every number is a
 * {@code Double}, as in JavaScript; {@link #stringify} and {@link #formatNumber} print integral numbers without a
 * fraction ({@code 42}, not {@code 42.0}). Parsing is strict (RFC 8259): anything else is a {@link JsonException}
 * naming the position.
 */
public final class Json {

  /** 2^53: every integer up to here is exactly representable as a double. */
  private static final double MAX_EXACT_INTEGER = 9007199254740992.0;
  /** How deep arrays and objects may nest in parsed text, in both editions of the parser. */
  static final int MAX_DEPTH = 512;

  private Json() {
  }

  /** Parses one JSON value; surrounding whitespace is allowed, anything else after the value is an error. */
  public static Object parse(String text) {
    if (text == null) {
      throw new JsonException("JSON text is null", -1);
    }
    return new JsonParser(text).parseDocument();
  }

  /** Parses JSON text that must be an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("Expected a JSON object but found " + typeName(value), 0);
    }
    return (Map<String, Object>) value;
  }

  /** Parses JSON text that must be an array. */
  @SuppressWarnings("unchecked")
  public static List<Object> parseArray(String text) {
    Object value = parse(text);
    if (!(value instanceof List)) {
      throw new JsonException("Expected a JSON array but found " + typeName(value), 0);
    }
    return (List<Object>) value;
  }

  /**
   * Writes a value as compact JSON. Accepts maps (keys written with {@code toString()}), iterables, arrays of
   * objects, strings, characters, numbers, booleans, null, and {@link Model}s / {@link Collection}s (as their
   * {@code toJSON()}). Non-finite numbers become {@code null}, as in {@code JSON.stringify}.
   */
  public static String stringify(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  /**
   * Prints a number as JSON and JavaScript do: integral values without a fraction ({@code 42}, {@code -0} → 0)
   * up to 2^53, where doubles stop being exact integers; other values as {@code Double.toString}.
   */
  public static String formatNumber(Number number) {
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    if (d == Math.floor(d) && Math.abs(d) <= MAX_EXACT_INTEGER) {
      return integral(d);
    }
    if (number instanceof Float) {
      // Float's own digits ("0.1"), not its widened double's ("0.10000000149011612").
      return number.toString();
    }
    return Double.toString(d);
  }

  /**
   * The digits of an integral double up to 2^53, without going through {@code long}: compiled to JavaScript, one
   * use of {@code long} brings in GWT's 64-bit integer emulation (~6 KB of script).
   */
  private static String integral(double d) {
    if (Math.abs(d) < 2147483648.0) {
      return Integer.toString((int) d);
    }
    // Last digit first, each put in front (at most 16): StringBuilder.reverse would ship for this alone.
    String digits = "";
    double rest = Math.abs(d);
    while (rest > 0) {
      // Exact: rest and quotient * 10 are integers below 2^53.
      double quotient = Math.floor(rest / 10);
      digits = (char) ('0' + (int) (rest - quotient * 10)) + digits;
      rest = quotient;
    }
    return (d < 0 ? "-" : "") + digits;
  }

  /** Escapes a string as a JSON string literal, quotes included. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    writeString(out, s);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String || value instanceof Character) {
      writeString(out, value.toString());
    } else if (value instanceof Number) {
      out.append(formatNumber((Number) value));
    } else if (value instanceof Boolean) {
      out.append(value.toString());
    } else if (value instanceof Map) {
      writeObject(out, (Map<?, ?>) value);
    } else if (value instanceof Iterable) {
      writeArray(out, ((Iterable<?>) value).iterator());
    } else if (value instanceof Object[]) {
      // Not Arrays.asList: its list class would ship for this one use.
      List<Object> items = new ArrayList<>();
      Collections.addAll(items, (Object[]) value);
      writeArray(out, items.iterator());
    } else if (value instanceof Model) {
      write(out, ((Model) value).toJSON());
    } else if (value instanceof Collection) {
      write(out, ((Collection<?>) value).toJSON());
    } else {
      throw new JsonException("Cannot write " + value.getClass().getName() + " as JSON", -1);
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(out, String.valueOf(e.getKey()));
      out.append(':');
      write(out, e.getValue());
    }
    out.append('}');
  }

  private static void writeArray(StringBuilder out, Iterator<?> items) {
    out.append('[');
    boolean first = true;
    while (items.hasNext()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(out, items.next());
    }
    out.append(']');
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            String hex = Integer.toHexString(c);
            out.append("\\u");
            for (int pad = hex.length(); pad < 4; pad++) {
              out.append('0');
            }
            out.append(hex);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
