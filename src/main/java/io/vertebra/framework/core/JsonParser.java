package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The strict recursive-descent parser behind {@link Json#parse}: one instance per text. */
final class JsonParser {
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
    Map<String, Object> map = new StringMap<>();
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
    if (++depth > Json.MAX_DEPTH) {
      throw error("JSON nested deeper than " + Json.MAX_DEPTH + " levels");
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
