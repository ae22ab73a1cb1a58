package io.vertebra.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The mutation toolkit every hostile-input generator shares: ways to damage JSON text and bytes, and catalogues of
 * adversarial values (wrong types, huge numbers, control characters, markup, traversal). All choices come from the
 * caller's seeded {@link Random}, so a run is reproducible from its seed.
 */
final class Mutations {

  /** Markup that must stay text wherever it is shown. */
  static final List<String> XSS = List.of("<img src=x onerror=window.__xss=1>", "\"><script>window.__xss=1</script>",
      "javascript:window.__xss=1", "<svg/onload=window.__xss=1>", "{{constructor.constructor('window.__xss=1')()}}");

  /** JSON values of every type and some nasty shapes, as JSON text. */
  static final List<String> ODD_VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "[]", "{}", "[1,2]",
      "{\"a\":1}", "\"\"", "\" \"", "1e999999", "-1e999999", "123456789012345678901234567890",
      "9223372036854775808", "-9223372036854775809", "1.7976931348623157e309", "4.9e-325", "-0", "\"\\u0000\"",
      "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u001b[31m\"", "\"a\\u0000b\"", "\"\\r\\n\\t\"", "\"\\u202e\"",
      "\"\\ufeff\"", "\"../../etc/passwd\"", "\"%00\"", "\"${jndi:ldap://127.0.0.1/x}\"");

  /** Tokens that are not valid JSON at all. */
  static final List<String> NOT_JSON = List.of("NaN", "Infinity", "-Infinity", "undefined", "0x10", "01", "+1",
      ".5", "1.", "'single'", "\"unterminated", "tru", "nul", "{,}", "[,]", "{\"a\"}", "{\"a\":}", "{a:1}",
      "/* c */ {}", "{}}", "[]]", "\"\\x41\"", "\"\\u12\"");

  /** Byte sequences that are not UTF-8: stray continuation, truncated, overlong, surrogate, out of range. */
  private static final byte[][] BAD_UTF8 = {{(byte) 0x80}, {(byte) 0xc3}, {(byte) 0xc3, 0x28},
      {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe}, {(byte) 0xff}, {0}};

  /** Path and query fragments meant to confuse routing and decoding. */
  static final List<String> PATH_TRICKS = List.of("..", "%2e%2e", "%2E%2E%2F", "..%2f..%2f", "%252e%252e",
      "%00", "%ff", "%c0%ae", "%e2%80%ae", ";jsessionid=1", ";", "%3b", "//", "\\", "%5c", "~", "%", "%zz",
      "..\\..\\", "WEB-INF/web.xml", "META-INF/MANIFEST.MF", "1%20OR%201=1", "'", "\"", "<x>", "%0d%0aX-Injected:1",
      "+", "%2b", "*", "?", "#");

  private Mutations() {}

  static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** A random string of {@code length} mixing ASCII, control characters, markup and non-BMP characters. */
  static String noise(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      switch (random.nextInt(8)) {
        case 0 -> out.append((char) random.nextInt(0x20));
        case 1 -> out.append("\u0000");
        case 2 -> out.append(pick(random, XSS));
        case 3 -> out.appendCodePoint(0x1f600 + random.nextInt(80));
        case 4 -> out.append((char) (0x80 + random.nextInt(0x700)));
        case 5 -> out.append("\\\"'{}[]<>&%");
        default -> out.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return wellFormed(out.substring(0, length));
  }

  /** A JSON string literal of {@code text}, escaped so it stays valid JSON (control characters as \\uXXXX). */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** An adversarial JSON value: an odd value, a hostile string, an oversize string or a deep nest. */
  static String hostileValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> pick(random, ODD_VALUES);
      case 2 -> jsonString(noise(random, 1 + random.nextInt(40)));
      case 3 -> jsonString(pick(random, XSS));
      case 4 -> jsonString("x".repeat(random.nextInt(3) == 0 ? 300_000 : 150 + random.nextInt(30_000)));
      default -> deepNest(random, 1 + random.nextInt(random.nextBoolean() ? 50 : 5_000));
    };
  }

  /** {@code depth} nested arrays or objects (closed, so only the depth is hostile). */
  static String deepNest(Random random, int depth) {
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    return open.repeat(depth) + "1" + close.repeat(depth);
  }

  /**
   * Damages JSON text one way: truncation, a dropped or repeated slice, an inserted non-JSON token, a value swapped
   * for a hostile one, a duplicated key, trailing content, or a hostile value wrapped in an array.
   */
  static String damageJson(Random random, String json) {
    return wellFormed(damage(random, json));
  }

  /**
   * Replaces lone surrogates (left by cutting text between the two halves of a pair) with '?': they are not text,
   * cannot be encoded as UTF-8, and a WebSocket client refuses to send them. Invalid UTF-8 has its own mutation.
   */
  static String wellFormed(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return out.toString();
  }

  private static String damage(Random random, String json) {
    int at = json.isEmpty() ? 0 : random.nextInt(json.length());
    return switch (random.nextInt(9)) {
      case 0 -> json.substring(0, at);
      case 1 -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1 + random.nextInt(5)));
      case 2 -> json.substring(0, at) + json.substring(at, Math.min(json.length(), at + 8)).repeat(2)
          + json.substring(Math.min(json.length(), at + 8));
      case 3 -> json.substring(0, at) + pick(random, NOT_JSON) + json.substring(at);
      case 4 -> replaceAValue(random, json);
      case 5 -> json.startsWith("{") && json.length() > 2 ? "{\"title\":\"dup\"," + json.substring(1) : json + "x";
      case 6 -> json + pick(random, List.of(" x", "{}", ",", "\u0000", "]", " // c"));
      case 7 -> "[" + json + "]";
      default -> pick(random, NOT_JSON);
    };
  }

  /** Swaps the value after a random {@code :} for a hostile one (or the whole text when there is no member). */
  static String replaceAValue(Random random, String json) {
    int colon = json.indexOf(':', random.nextInt(Math.max(1, json.length())));
    if (colon < 0) {
      colon = json.indexOf(':');
    }
    if (colon < 0) {
      return hostileValue(random);
    }
    int end = valueEnd(json, colon + 1);
    return json.substring(0, colon + 1) + hostileValue(random) + json.substring(end);
  }

  /** Where the JSON value starting at {@code from} ends (scalars and strings; nested values by bracket depth). */
  private static int valueEnd(String json, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          if (depth == 0) {
            return i + 1;
          }
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return json.length();
  }

  /** Inserts a byte sequence that is not UTF-8 at a random place of {@code text}'s UTF-8 bytes. */
  static byte[] withBadUtf8(Random random, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  /** One way or another, a hostile body made from a valid JSON document. */
  static byte[] hostileBody(Random random, String validJson) {
    return switch (random.nextInt(6)) {
      case 0 -> withBadUtf8(random, validJson);
      case 1 -> ("{\"pad\":\"" + "y".repeat(200_000 + random.nextInt(2_000_000)) + "\"}").getBytes(
          StandardCharsets.UTF_8);
      default -> damageJson(random, validJson).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A garbage header or query value: traversal, control characters (printable), markup, huge, empty. */
  static String garbageToken(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> pick(random, PATH_TRICKS);
      case 1 -> pick(random, XSS);
      case 2 -> "9".repeat(1 + random.nextInt(40));
      case 3 -> "";
      case 4 -> "x".repeat(1 + random.nextInt(4_000));
      default -> noise(random, 1 + random.nextInt(20)).replaceAll("[\\x00-\\x1f\\x7f]", "?");
    };
  }
}
