package io.vertebra.framework.sync;

import com.google.gwt.http.client.Header;
import com.google.gwt.http.client.Request;
import com.google.gwt.http.client.RequestBuilder;
import com.google.gwt.http.client.RequestCallback;
import com.google.gwt.http.client.RequestException;
import com.google.gwt.http.client.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusesource.restygwt.client.Method;

/**
 * The browser {@link Transport}: sends {@link RestSync}'s requests with RestyGWT (so RestyGWT's dispatchers,
 * e.g. caching or retrying ones set in its {@code Defaults}, apply) and reports every answer, whatever its
 * status, as an {@link HttpResponse}. A request that gets no HTTP answer at all (server unreachable, CORS refusal,
 * timeout) is reported as status 0 with the reason as the body.
 *
 * <p>Make it the default once at start-up: {@code RestyGwtTransport.install();}
 */
public class RestyGwtTransport implements Transport {

  private final int timeoutMillis;

  /** A transport without a timeout of its own (RestyGWT's default timeout, if any, applies). */
  public RestyGwtTransport() {
    this(0);
  }

  /** A transport whose requests fail with status 0 after {@code timeoutMillis} (0: no timeout of its own). */
  public RestyGwtTransport(int timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  /** Makes a new RestyGwtTransport the default transport of every {@link RestSync} and returns it. */
  public static RestyGwtTransport install() {
    RestyGwtTransport transport = new RestyGwtTransport();
    DefaultSync.setTransport(transport);
    return transport;
  }

  @Override
  public void send(HttpRequest request, ResponseCallback callback) {
    sendCancellable(request, callback);
  }

  /** Sends; the returned action aborts the XHR, after which GWT calls no callback. */
  @Override
  public Runnable sendCancellable(HttpRequest request, ResponseCallback callback) {
    ExactMethod method = new ExactMethod(request.method(), request.url());
    method.headers(request.headers());
    if (request.contentType() != null) {
      method.header("Content-Type", request.contentType());
    }
    if (request.body() != null) {
      method.builder.setRequestData(request.body());
    }
    if (timeoutMillis > 0) {
      method.timeout(timeoutMillis);
    }
    try {
      // With RestyGWT's default dispatcher this is the GWT Request; other dispatchers may hand back no handle.
      Object sent = method.send(new Answer(request, callback));
      return sent instanceof Request ? ((Request) sent)::cancel : () -> { };
    } catch (RequestException | RuntimeException e) {
      // Thrown before anything was sent (e.g. a URL the browser refuses): still exactly one callback.
      callback.onResponse(noResponse(request, e));
      return () -> { };
    }
  }

  private static HttpResponse toHttpResponse(HttpRequest request, Response response) {
    if (response.getStatusCode() == 0) {
      return new HttpResponse(0, "No response from " + request.method() + " " + request.url());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Header[] all = response.getHeaders();
    if (all != null) {
      for (Header header : all) {
        if (header != null && header.getName() != null) {
          headers.put(header.getName(), header.getValue());
        }
      }
    }
    return new HttpResponse(response.getStatusCode(), headers, response.getText());
  }

  private static HttpResponse noResponse(HttpRequest request, Throwable cause) {
    String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    return new HttpResponse(0, request.method() + " " + request.url() + " failed: " + reason);
  }

  /** Hands RestyGWT's raw answer (every status) to the Transport callback. */
  private static final class Answer implements RequestCallback {

    private final HttpRequest request;
    private final ResponseCallback callback;

    Answer(HttpRequest request, ResponseCallback callback) {
      this.request = request;
      this.callback = callback;
    }

    @Override
    public void onResponseReceived(Request req, Response response) {
      callback.onResponse(toHttpResponse(request, response));
    }

    @Override
    public void onError(Request req, Throwable exception) {
      callback.onResponse(noResponse(request, exception));
    }
  }

  /**
   * A RestyGWT Method for the URL exactly as given: RestyGWT's {@code Resource} would drop a trailing slash, and
   * its own builder adds {@code X-HTTP-Method-Override} to every request, which must only appear when
   * {@code emulateHTTP} asks for it.
   */
  private static final class ExactMethod extends Method {

    ExactMethod(String httpMethod, String url) {
      // Sent with a raw RequestCallback, so every status reaches RestSync as data, never as a RestyGWT failure.
      builder = new AnyMethodBuilder(httpMethod, url);
    }
  }

  /** GWT's RequestBuilder for any method name (its public constructor allows only GET, POST, HEAD...). */
  private static final class AnyMethodBuilder extends RequestBuilder {

    AnyMethodBuilder(String httpMethod, String url) {
      super(httpMethod, url);
      // Without an explicit null, GWT would send the text "undefined" as the body of a body-less request.
      setRequestData(null);
    }
  }
}
