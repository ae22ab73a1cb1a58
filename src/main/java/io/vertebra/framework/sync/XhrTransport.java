package io.vertebra.framework.sync;

import com.google.gwt.core.client.JavaScriptException;
import com.google.gwt.core.client.JavaScriptObject;
import io.vertebra.framework.browser.NativeXhr;
import io.vertebra.framework.core.StringMap;
import java.util.Map;

/**
 * The browser {@link Transport} on the browser's own {@code XMLHttpRequest} (through {@code browser.NativeXhr}),
 * like {@code Backbone.ajax} on jQuery's: every answer, whatever its status, is reported as an
 * {@link HttpResponse}; a request that gets no HTTP answer at all (server unreachable, CORS refusal, timeout) is
 * reported as status 0 with the reason as the body. It ships ~2.5 KB gzip less than {@link RestyGwtTransport},
 * which pulls in GWT's RequestBuilder, {@code java.util.logging} and 64-bit integer emulation; use that one when
 * RestyGWT's dispatchers (caching, retrying) are wanted.
 *
 * <p>Make it the default once at start-up: {@code XhrTransport.install();}
 */
public class XhrTransport implements Transport {

  private final int timeoutMillis;

  /** A transport without a timeout. */
  public XhrTransport() {
    this(0);
  }

  /** A transport whose requests fail with status 0 after {@code timeoutMillis} (0: no timeout). */
  public XhrTransport(int timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  /** Makes a new XhrTransport the default transport of every {@link RestSync} and returns it. */
  public static XhrTransport install() {
    XhrTransport transport = new XhrTransport();
    DefaultSync.setTransport(transport);
    return transport;
  }

  @Override
  public void send(HttpRequest request, ResponseCallback callback) {
    sendCancellable(request, callback);
  }

  /** Sends; the returned action aborts the XHR, after which no callback is called. */
  @Override
  public Runnable sendCancellable(HttpRequest request, ResponseCallback callback) {
    Map<String, String> headers = new StringMap<>(request.headers());
    if (request.contentType() != null) {
      headers.put("Content-Type", request.contentType());
    }
    String[] pairs = new String[headers.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      pairs[i++] = header.getKey();
      pairs[i++] = header.getValue();
    }
    try {
      JavaScriptObject xhr = NativeXhr.send(request.method(), request.url(), pairs, request.body(), timeoutMillis,
          (status, headerBlock, text) -> callback.onResponse(status == 0
              ? new HttpResponse(0, "No response from " + request.method() + " " + request.url() + ": " + text)
              : new HttpResponse(status, ResponseHeaders.parse(headerBlock), text)));
      return () -> NativeXhr.abort(xhr);
    } catch (JavaScriptException e) {
      // Thrown before anything was sent (e.g. a header or URL the browser refuses): still exactly one callback.
      callback.onResponse(new HttpResponse(0, request.method() + " " + request.url() + " failed: " + e.getMessage()));
      return () -> { };
    }
  }
}
