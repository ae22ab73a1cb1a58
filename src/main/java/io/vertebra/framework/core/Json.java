package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON codec that runs both on the JVM and compiled to JavaScript: models and collections use it for
 * request bodies and responses.
 *
 * <p>Parsed values are {@code Map<String, Object>} (a {@link LinkedHashMap}, keeping key order),
 * {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean} or {@code null}. Every number is a
 * {@code Double}, as in JavaScript; {@link #stringify} and {@link #formatNumber} print integral numbers without a
 * fraction ({@code 42}, not {@code 42.0}). Parsing is strict (RFC 8259): anything else is a {@link JsonException}
 * naming the position.
 */
public final class Json {

  /** 2^53: every integer up to here is exactly representable as a double. */
  private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

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
      return Long.toString((long) d);
    }
    if (number instanceof Float) {
      // Float's own digits ("0.1"), not its widened double's ("0.10000000149011612").
      return number.toString();
    }
    return Double.toString(d);
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
      writeArray(out, java.util.Arrays.asList((Object[]) value).iterator());
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

  /** Recursive-descent parser over one text. */
  private static final class JsonParser {
    private static final int MAX_DEPTH = 512;
    private final String text;
    private int pos;
    private int depth;

    JsonParser(String text) {
      this.text = text;
    }

    Object parseDocument() {
      skipWhitespace();
      if (pos >= text.length()) {
        throw new JsonException("Empty JSON text", pos);
      }
      Object value = parseValue();
      skipWhitespace();
      if (pos < text.length()) {
        throw error("Unexpected '" + text.charAt(pos) + "' after the JSON value");
      }
      return value;
    }

    private Object parseValue() {
      skipWhitespace();
      if (pos >= text.length()) {
        throw error("Unexpected end of JSON text");
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{':
          return parseObject();
        case '[':
          return parseArray();
        case '"':
          return parseString();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || c >= '0' && c <= '9') {
            return parseNumber();
          }
          throw error("Unexpected character '" + c + "'");
      }
    }

    private Map<String, Object> parseObject() {
      enter();
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        depth--;
        return map;
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("Expected a string key");
        }
        String key = parseString();
        skipWhitespace();
        expect(':');
        map.put(key, parseValue());
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == '}') {
          depth--;
          return map;
        }
        if (c != ',') {
          pos--;
          throw error("Expected ',' or '}' in object");
        }
      }
    }

    private List<Object> parseArray() {
      enter();
      pos++;
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        depth--;
        return list;
      }
      while (true) {
        list.add(parseValue());
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == ']') {
          depth--;
          return list;
        }
        if (c != ',') {
          pos--;
          throw error("Expected ',' or ']' in array");
        }
      }
    }

    private String parseString() {
      int start = pos;
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw new JsonException("Unterminated string starting", start);
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          out.append(parseEscape());
        } else if (c < 0x20) {
          pos--;
          throw error("Unescaped control character in string");
        } else {
          out.append(c);
        }
      }
    }

    private char parseEscape() {
      if (pos >= text.length()) {
        throw error("Unterminated escape sequence");
      }
      char c = text.charAt(pos++);
      switch (c) {
        case '"':
        case '\\':
        case '/':
          return c;
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'u':
          return parseUnicodeEscape();
        default:
          pos--;
          throw error("Invalid escape '\\" + c + "'");
      }
    }

    private char parseUnicodeEscape() {
      if (pos + 4 > text.length()) {
        throw error("Incomplete \\u escape");
      }
      int code = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(pos), 16);
        if (digit < 0) {
          throw error("Invalid hex digit in \\u escape");
        }
        code = code * 16 + digit;
        pos++;
      }
      return (char) code;
    }

    private Double parseNumber() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
      } else if (isDigit(peek())) {
        digits();
      } else {
        throw error("Expected a digit");
      }
      if (peek() == '.') {
        pos++;
        if (!isDigit(peek())) {
          throw error("Expected a digit after '.'");
        }
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (!isDigit(peek())) {
          throw error("Expected a digit in exponent");
        }
        digits();
      }
      return Double.valueOf(text.substring(start, pos));
    }

    private void digits() {
      while (isDigit(peek())) {
        pos++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        throw error("Unexpected token, expected '" + word + "'");
      }
      pos += word.length();
      return value;
    }

    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
      }
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("Expected '" + c + "'");
      }
      pos++;
    }

    /** The current character, or 0 at the end (0 is never valid outside strings). */
    private char peek() {
      return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    private JsonException error(String message) {
      if (pos >= text.length()) {
        return new JsonException("Unexpected end of JSON text", pos);
      }
      return new JsonException(message, pos);
    }
  }
}
