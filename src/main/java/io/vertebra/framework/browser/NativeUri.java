package io.vertebra.framework.browser;

/**
 * The browser's URI functions. The framework's {@code Uris} uses them when compiled to JavaScript (the browser
 * edition of {@code core.UriCodec}). Each throws the browser's {@code URIError} as a {@code JavaScriptException} for
 * malformed input.
 */
public final class NativeUri {

  private NativeUri() {
  }

  /** {@code encodeURIComponent(text)}. */
  public static native String encodeURIComponent(String text) /*-{
    return encodeURIComponent(text);
  }-*/;

  /** {@code decodeURIComponent(text)}. */
  public static native String decodeURIComponent(String text) /*-{
    return decodeURIComponent(text);
  }-*/;

  /** {@code decodeURI(text)}. */
  public static native String decodeURI(String text) /*-{
    return decodeURI(text);
  }-*/;
}
