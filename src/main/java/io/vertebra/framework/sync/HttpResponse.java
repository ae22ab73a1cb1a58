package io.vertebra.framework.sync;

import io.vertebra.framework.core.StringMap;
import java.util.Collections;
import java.util.Map;

/**
 * One HTTP response as a {@link Transport} reports it.
 *
 * @param status the HTTP status, or 0 when no response was received (network failure)
 * @param headers response headers (read-only; look them up with {@link #header}, which ignores case)
 * @param body the body text ("" for none; for status 0 the failure reason)
 */
public record HttpResponse(int status, Map<String, String> headers, String body) {

  /** Copies the headers read-only; a null body becomes "". */
  public HttpResponse {
    headers = Collections.unmodifiableMap(headers == null ? new StringMap<>() : new StringMap<>(headers));
    body = body == null ? "" : body;
  }

  /** A response without headers. */
  public HttpResponse(int status, String body) {
    this(status, null, body);
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
