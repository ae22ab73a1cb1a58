package io.vertebra.framework.sync.jvm;

import io.vertebra.framework.sync.HttpRequest;
import io.vertebra.framework.sync.HttpResponse;
import io.vertebra.framework.sync.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} for JVM code (servers, tools, tests) over {@code java.net.http}. Relative URLs are resolved
 * against a base URI. The callback runs on the client's executor thread, not the caller's.
 */
public class JdkHttpTransport implements Transport {

  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final List<String> RESTRICTED = List.of("connection", "content-length", "host", "expect", "upgrade");

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;

  /** A transport resolving relative URLs against {@code base} (for example {@code http://127.0.0.1:8080/}). */
  public JdkHttpTransport(URI base) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base, Duration.ofSeconds(30));
  }

  /** A transport over a configured client, with a per-request timeout. */
  public JdkHttpTransport(HttpClient client, URI base, Duration timeout) {
    this.client = client;
    this.base = base;
    this.timeout = timeout;
  }

  @Override
  public void send(HttpRequest request, ResponseCallback callback) {
    sendCancellable(request, callback);
  }

  /** Sends; the returned action cancels the exchange, after which the callback is not called. */
  @Override
  public Runnable sendCancellable(HttpRequest request, ResponseCallback callback) {
    java.net.http.HttpRequest httpRequest;
    try {
      httpRequest = toJdkRequest(request);
    } catch (IllegalArgumentException e) {
      callback.onResponse(new HttpResponse(0, "Invalid request: " + e.getMessage()));
      return () -> { };
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    CompletableFuture<java.net.http.HttpResponse<String>> exchange =
        client.sendAsync(httpRequest, java.net.http.HttpResponse.BodyHandlers.ofString());
    exchange.whenComplete((response, failure) -> {
      if (!cancelled.get()) {
        callback.onResponse(failure == null
            ? new HttpResponse(response.statusCode(), firstValues(response.headers().map()), response.body())
            : new HttpResponse(0, failure.toString()));
      }
    });
    return () -> {
      cancelled.set(true);
      exchange.cancel(true);
    };
  }

  private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
    URI uri = base == null ? URI.create(request.url()) : base.resolve(request.url());
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri).timeout(timeout);
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      String name = header.getKey().toLowerCase();
      boolean typeGivenSeparately = name.equals("content-type") && request.contentType() != null;
      if (!RESTRICTED.contains(name) && !typeGivenSeparately) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType() + "; charset=UTF-8");
    }
    java.net.http.HttpRequest.BodyPublisher body = request.body() == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
    return builder.method(request.method(), body).build();
  }

  private static Map<String, String> firstValues(Map<String, List<String>> headers) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (!e.getValue().isEmpty()) {
        result.put(e.getKey(), String.join(", ", e.getValue()));
      }
    }
    return result;
  }
}
