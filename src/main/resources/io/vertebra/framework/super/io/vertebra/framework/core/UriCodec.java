package io.vertebra.framework.core;

import com.google.gwt.core.client.JavaScriptException;
import io.vertebra.framework.browser.NativeUri;

/**
 * The percent-encoding behind {@link Uris}, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/core/UriCodec.java): the browser's own functions, whose {@code URIError}
 * becomes the {@link IllegalArgumentException} the JVM edition throws.
 */
final class UriCodec {

  private UriCodec() {
  }

  static String encodeComponent(String text) {
    try {
      return NativeUri.encodeURIComponent(text);
    } catch (JavaScriptException e) {
      throw new IllegalArgumentException("URI malformed: " + e.getMessage());
    }
  }

  static String decodeComponent(String text) {
    try {
      return NativeUri.decodeURIComponent(text);
    } catch (JavaScriptException e) {
      throw new IllegalArgumentException("URI malformed: " + text);
    }
  }

  static String decodeUri(String text) {
    try {
      return NativeUri.decodeURI(text);
    } catch (JavaScriptException e) {
      throw new IllegalArgumentException("URI malformed: " + text);
    }
  }
}
