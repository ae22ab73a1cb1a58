package io.vertebra.posts.client.net;

import com.google.gwt.http.client.Request;
import com.google.gwt.http.client.RequestBuilder;
import com.google.gwt.http.client.RequestCallback;
import com.google.gwt.http.client.RequestException;
import com.google.gwt.http.client.Response;
import io.vertebra.framework.sync.HttpRequest;
import io.vertebra.framework.sync.HttpResponse;
import io.vertebra.framework.sync.Transport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser {@link Transport} of the posts app, over GWT's {@link RequestBuilder} (XMLHttpRequest, same origin,
 * cookies included). A stand-in until the framework's RestyGWT transport (branch {@code router}) is merged: it has
 * no JSNI and nothing app-specific, so swapping it is one line in {@code PostsApp}.
 */
public final class RequestBuilderTransport implements Transport {

  /** Response headers the framework and the app read (XHR exposes them one by one). */
  private static final String[] RESPONSE_HEADERS = {"ETag", "X-Next-Cursor", "Content-Type", "Location"};

  @Override
  public void send(HttpRequest request, ResponseCallback callback) {
    RequestBuilder.Method method = method(request.method());
    if (method == null) {
      // RequestBuilder has no PATCH (its Method constructor is private); the app only sends PUT for updates.
      callback.onResponse(new HttpResponse(0, "HTTP method not supported by this transport: " + request.method()));
      return;
    }
    RequestBuilder builder = new RequestBuilder(method, request.url());
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      builder.setHeader(header.getKey(), header.getValue());
    }
    if (request.contentType() != null) {
      builder.setHeader("Content-Type", request.contentType());
    }
    try {
      builder.sendRequest(request.body(), new RequestCallback() {
        @Override
        public void onResponseReceived(Request ignored, Response response) {
          // XHR reports a network failure as status 0, which is also the framework's convention.
          callback.onResponse(new HttpResponse(response.getStatusCode(), headers(response),
              response.getStatusCode() == 0 ? "Network error: the server could not be reached" : response.getText()));
        }

        @Override
        public void onError(Request ignored, Throwable exception) {
          callback.onResponse(new HttpResponse(0, "Network error: " + exception.getMessage()));
        }
      });
    } catch (RequestException e) {
      callback.onResponse(new HttpResponse(0, "Request not sent: " + e.getMessage()));
    }
  }

  private static RequestBuilder.Method method(String name) {
    switch (name) {
      case "GET":
        return RequestBuilder.GET;
      case "POST":
        return RequestBuilder.POST;
      case "PUT":
        return RequestBuilder.PUT;
      case "DELETE":
        return RequestBuilder.DELETE;
      case "HEAD":
        return RequestBuilder.HEAD;
      default:
        return null;
    }
  }

  private static Map<String, String> headers(Response response) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : RESPONSE_HEADERS) {
      String value = response.getHeader(name);
      if (value != null && !value.isEmpty()) {
        headers.put(name, value);
      }
    }
    return headers;
  }
}
