package io.vertebra.framework.sync;

import io.vertebra.framework.core.StringMap;
import java.util.Collections;
import java.util.Map;

/**
 * One HTTP request as {@link RestSync} builds it and a {@link Transport} sends it. A plain final class, not a record:
 * a record's generated {@code equals}, {@code hashCode} and {@code toString} would ship in every app's script (with
 * the class-name machinery its {@code toString} needs) though nothing compares requests.
 */
public final class HttpRequest {

  private final String method;
  private final String url;
  private final Map<String, String> headers;
  private final String body;
  private final String contentType;

  /**
   * A request; the headers are copied read-only.
   *
   * @param method the HTTP method (GET, POST, PUT, PATCH, DELETE)
   * @param url the URL, query string included
   * @param headers request headers (insertion order), without Content-Type; null for none
   * @param body the body text, or null for none
   * @param contentType the body's media type, or null when there is no body
   */
  public HttpRequest(String method, String url, Map<String, String> headers, String body, String contentType) {
    this.method = method;
    this.url = url;
    this.headers = Collections.unmodifiableMap(headers == null ? new StringMap<>() : new StringMap<>(headers));
    this.body = body;
    this.contentType = contentType;
  }

  /** The HTTP method (GET, POST, PUT, PATCH, DELETE). */
  public String method() {
    return method;
  }

  /** The URL, query string included. */
  public String url() {
    return url;
  }

  /** The request headers (read-only, insertion order), without Content-Type. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body text, or null for none. */
  public String body() {
    return body;
  }

  /** The body's media type, or null when there is no body. */
  public String contentType() {
    return contentType;
  }

  /** The value of a header (names compare case-insensitively), or null. */
  public String header(String name) {
    return HttpResponse.findHeader(headers, name);
  }
}
