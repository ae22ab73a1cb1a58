package io.vertebra.framework.browser;

import com.google.gwt.core.client.JavaScriptObject;

/**
 * The browser's {@code XMLHttpRequest}, as thin as the framework's XHR transport needs: open, set headers, send,
 * one callback with the status, the raw response header block and the text. GWT's {@code RequestBuilder} does the
 * same with about four times the script (its request and response classes, header arrays, timers).
 */
public final class NativeXhr {

  private NativeXhr() {
  }

  /** Receives the one outcome of a request. */
  @FunctionalInterface
  public interface Done {

    /**
     * The answer: {@code status} 0 when none came (network error, refusal, timeout; {@code text} then says which),
     * else the HTTP status, {@code getAllResponseHeaders()} and the response text.
     */
    void done(int status, String headers, String text);
  }

  /**
   * Sends {@code method url} with {@code headers} (name, value, name, value...) and {@code body} (null: none),
   * failing with status 0 after {@code timeoutMillis} (0: none). Returns the XHR, for {@link #abort}.
   */
  public static native JavaScriptObject send(String method, String url, String[] headers, String body,
      int timeoutMillis, Done done) /*-{
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    for (var i = 0; i + 1 < headers.length; i += 2) {
      xhr.setRequestHeader(headers[i], headers[i + 1]);
    }
    if (timeoutMillis > 0) {
      xhr.timeout = timeoutMillis;
    }
    var finish = function(status, headerBlock, text) {
      if (!xhr.aborted) {
        done.@io.vertebra.framework.browser.NativeXhr.Done::done(ILjava/lang/String;Ljava/lang/String;)(status,
            headerBlock, text);
      }
    };
    xhr.onload = $entry(function() {
      finish(xhr.status, xhr.getAllResponseHeaders() || '', xhr.responseText || '');
    });
    xhr.onerror = $entry(function() {
      finish(0, '', 'network error');
    });
    xhr.ontimeout = $entry(function() {
      finish(0, '', 'timed out after ' + timeoutMillis + ' ms');
    });
    xhr.send(body == null ? null : body);
    return xhr;
  }-*/;

  /** Aborts a request {@link #send} returned; its callback is then never called. */
  public static native void abort(JavaScriptObject xhr) /*-{
    xhr.aborted = true;
    xhr.abort();
  }-*/;
}
