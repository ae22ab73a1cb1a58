package io.vertebra.framework.sync;

import io.vertebra.framework.core.StringMap;
import java.util.Collections;
import java.util.Map;

/**
 * One HTTP response as a {@link Transport} reports it. A plain final class, not a record, for the reason given on
 * {@link HttpRequest}.
 */
public final class HttpResponse {

  private final int status;
  private final Map<String, String> headers;
  private final String body;

  /**
   * A response; the headers are copied read-only and a null body becomes "".
   *
   * @param status the HTTP status, or 0 when no response was received (network failure)
   * @param headers response headers, or null for none
   * @param body the body text ("" for none; for status 0 the failure reason)
   */
  public HttpResponse(int status, Map<String, String> headers, String body) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(headers == null ? new StringMap<>() : new StringMap<>(headers));
    this.body = body == null ? "" : body;
  }

  /** A response without headers. */
  public HttpResponse(int status, String body) {
    this(status, null, body);
  }

  /** The HTTP status, or 0 when no response was received (network failure). */
  public int status() {
    return status;
  }

  /** The response headers (read-only; look them up with {@link #header}, which ignores case). */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body text ("" for none; for status 0 the failure reason). */
  public String body() {
    return body;
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The value of a header (names compare case-insensitively), or null. */
  public String header(String name) {
    return findHeader(headers, name);
  }

  static String findHeader(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
