package io.vertebra.framework.core;

import com.google.gwt.core.client.JavaScriptException;
import com.google.gwt.core.client.JavaScriptObject;
import com.google.gwt.core.client.JsArrayString;
import io.vertebra.framework.browser.NativeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The browser edition of {@code Json.parse}'s parser (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/core/JsonParser.java): the browser's own strict {@code JSON.parse}, whose
 * result is copied into the same Java values, so code above it cannot tell the editions apart. One difference, the
 * same as for any JavaScript code: objects list integer-like keys first ({@code {"b":1,"2":2}} gives keys 2, b).
 * Errors are {@link JsonException}s with the browser's message, and its position when the message names one.
 */
final class JsonParser {
  private final String text;

  JsonParser(String text) {
    this.text = text;
  }

  Object parseDocument() {
    if (text.trim().isEmpty()) {
      throw new JsonException("Empty JSON text", text.length());
    }
    Object parsed;
    try {
      parsed = NativeJson.parse(text);
    } catch (JavaScriptException e) {
      Object thrown = e.getThrown();
      String message = thrown instanceof JavaScriptObject ? NativeJson.message((JavaScriptObject) thrown)
          : e.getMessage();
      throw error(message);
    }
    return toJava(parsed, 0);
  }

  /** Chrome says e.g. "... in JSON at position 7 (line 1 column 8)": JsonException adds the position itself. */
  private static JsonException error(String message) {
    int at = message.indexOf(" at position ");
    if (at < 0) {
      return new JsonException(message, -1);
    }
    int start = at + " at position ".length();
    int end = start;
    while (end < message.length() && Character.isDigit(message.charAt(end))) {
      end++;
    }
    return end == start ? new JsonException(message, -1)
        : new JsonException(message.substring(0, at), Integer.parseInt(message.substring(start, end)));
  }

  private static Object toJava(Object value, int depth) {
    if (NativeJson.isArray(value)) {
      checkDepth(depth);
      int length = NativeJson.length(value);
      List<Object> list = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        list.add(toJava(NativeJson.at(value, i), depth + 1));
      }
      return list;
    }
    if (NativeJson.isObject(value)) {
      checkDepth(depth);
      JsArrayString keys = NativeJson.keys(value);
      Map<String, Object> map = new StringMap<>();
      for (int i = 0; i < keys.length(); i++) {
        String key = keys.get(i);
        map.put(key, toJava(NativeJson.get(value, key), depth + 1));
      }
      return map;
    }
    return value;
  }

  private static void checkDepth(int depth) {
    if (depth >= Json.MAX_DEPTH) {
      throw new JsonException("JSON nested deeper than " + Json.MAX_DEPTH + " levels", -1);
    }
  }
}
