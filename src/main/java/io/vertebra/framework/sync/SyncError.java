package io.vertebra.framework.sync;

import io.vertebra.framework.core.StringMap;
import java.util.Collections;
import java.util.Map;

/**
 * Why a request failed: given as the response to error callbacks and {@code "error"} listeners (Backbone passes
 * the xhr there). Carries the HTTP status and the response body, parsed when it is JSON (for example the
 * server's {@code {error, message}} object).
 */
public class SyncError {

  private final int status;
  private final String responseText;
  private final Object body;
  private final Map<String, String> headers;
  private final String message;

  /**
   * Creates an error.
   *
   * @param status the HTTP status, 0 when no response arrived
   * @param headers the response headers (may be empty)
   * @param responseText the raw body text
   * @param body the parsed JSON body, or the raw text when it is not JSON
   * @param message a short human-readable reason
   */
  public SyncError(int status, Map<String, String> headers, String responseText, Object body, String message) {
    this.status = status;
    this.headers = headers == null ? Collections.unmodifiableMap(new StringMap<>()) : headers;
    this.responseText = responseText == null ? "" : responseText;
    this.body = body;
    this.message = message;
  }

  /** The HTTP status, or 0 when no response arrived (network failure). */
  public int getStatus() {
    return status;
  }

  /** The response body: parsed JSON (map, list, ...) when it was JSON, otherwise the raw text. */
  public Object getBody() {
    return body;
  }

  /** The body as a JSON object, or null when it is not one. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> getJson() {
    return body instanceof Map ? (Map<String, Object>) body : null;
  }

  /** The raw response body text ("" for none). */
  public String getResponseText() {
    return responseText;
  }

  /** A response header (case-insensitive), or null. */
  public String getHeader(String name) {
    return HttpResponse.findHeader(headers, name);
  }

  /**
   * A short reason: the server's {@code message} (or {@code error}) field when the body has one, otherwise
   * what went wrong on our side (for example an unparsable success response).
   */
  public String getMessage() {
    Map<String, Object> json = getJson();
    if (json != null && json.get("message") instanceof String) {
      return (String) json.get("message");
    }
    if (json != null && json.get("error") instanceof String) {
      return (String) json.get("error");
    }
    return message;
  }

  @Override
  public String toString() {
    return "SyncError{status=" + status + ", message=" + getMessage() + "}";
  }
}
