package io.vertebra.framework.browser;

import com.google.gwt.core.client.JavaScriptObject;
import com.google.gwt.core.client.JsArrayString;

/**
 * The browser's {@code JSON.parse} and the reads needed to turn its result into Java values. The framework's
 * {@code Json.parse} uses it when compiled to JavaScript (the browser edition of {@code core.JsonParser}): the
 * native parser is smaller to ship and faster than parsing character by character in compiled Java.
 */
public final class NativeJson {

  private NativeJson() {
  }

  /**
   * {@code JSON.parse(text)}: strings, numbers and booleans arrive as {@code String}, {@code Double} and
   * {@code Boolean} (GWT represents those as the JavaScript values themselves); objects and arrays as raw
   * JavaScript values to read with the methods below. Malformed text throws the browser's {@code SyntaxError} as a
   * {@code JavaScriptException}.
   */
  public static native Object parse(String text) /*-{
    return JSON.parse(text);
  }-*/;

  /** Whether a parsed value is a JavaScript array. */
  public static native boolean isArray(Object value) /*-{
    return Array.isArray(value);
  }-*/;

  /** Whether a parsed value is a plain JavaScript object (not an array, string, number, boolean or null). */
  public static native boolean isObject(Object value) /*-{
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }-*/;

  /** The length of a parsed array. */
  public static native int length(Object array) /*-{
    return array.length;
  }-*/;

  /** Element {@code index} of a parsed array. */
  public static native Object at(Object array, int index) /*-{
    return array[index];
  }-*/;

  /** A parsed object's own keys, in the engine's order (integer-like keys first, then insertion order). */
  public static native JsArrayString keys(Object object) /*-{
    return Object.keys(object);
  }-*/;

  /** A parsed object's own property {@code key}. */
  public static native Object get(Object object, String key) /*-{
    return object[key];
  }-*/;

  /** The message of a JavaScript error caught as a {@code JavaScriptException}'s thrown value. */
  public static native String message(JavaScriptObject error) /*-{
    return error && error.message ? String(error.message) : String(error);
  }-*/;
}
