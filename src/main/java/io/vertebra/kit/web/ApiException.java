package io.vertebra.kit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that cannot be served as asked; becomes the JSON error answer {@code {error, message[, field]}} with
 * its HTTP status. Thrown by handlers and request readers; never for a server fault.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;
  private final transient ObjectNode details;

  public ApiException(int status, String code, String message, String field, ObjectNode details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }

  /** 400: {@code field} is missing, of the wrong type or out of range; the message names it. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCodes.INVALID, message, field, null);
  }

  /** 404 with a message saying what was not found. */
  public static ApiException notFound(String message) {
    return new ApiException(HttpServletResponse.SC_NOT_FOUND, ErrorCodes.NOT_FOUND, message, null, null);
  }

  /** 401: the request needs a signed-in user. */
  public static ApiException unauthorized() {
    return new ApiException(HttpServletResponse.SC_UNAUTHORIZED, ErrorCodes.UNAUTHORIZED,
        "Sign in first (POST /api/session with {\"name\": \"...\"})", null, null);
  }

  /** 403 with the reason. */
  public static ApiException forbidden(String message) {
    return new ApiException(HttpServletResponse.SC_FORBIDDEN, ErrorCodes.FORBIDDEN, message, null, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  /** More members for the error body (e.g. the current post of a 409), or null. */
  public ObjectNode details() {
    return details;
  }
}
