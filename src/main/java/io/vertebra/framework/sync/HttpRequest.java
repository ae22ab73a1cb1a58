package io.vertebra.framework.sync;

import io.vertebra.framework.core.StringMap;
import java.util.Collections;
import java.util.Map;

/**
 * One HTTP request as {@link RestSync} builds it and a {@link Transport} sends it.
 *
 * @param method the HTTP method (GET, POST, PUT, PATCH, DELETE)
 * @param url the URL, query string included
 * @param headers request headers (read-only, insertion order), without Content-Type
 * @param body the body text, or null for none
 * @param contentType the body's media type, or null when there is no body
 */
public record HttpRequest(String method, String url, Map<String, String> headers, String body, String contentType) {

  /** Copies the headers read-only. */
  public HttpRequest {
    headers = Collections.unmodifiableMap(headers == null ? new StringMap<>() : new StringMap<>(headers));
  }

  /** The value of a header (names compare case-insensitively), or null. */
  public String header(String name) {
    return HttpResponse.findHeader(headers, name);
  }
}
