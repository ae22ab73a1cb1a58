package io.vertebra.kit.web;

/**
 * The codes of the JSON error contract ({@link JsonErrors}) that the kit's endpoints answer with, and the extra
 * members they add: {@code field} when one request field is at fault, {@code current} in a 409. A client branches
 * on the code; the message is for humans. An app's shared contract (e.g. posts' {@code ApiErrors}) repeats these
 * values for its GWT client, which cannot see server classes.
 */
public final class ErrorCodes {

  public static final String ERROR = JsonErrors.ERROR;
  public static final String MESSAGE = JsonErrors.MESSAGE;
  /** The offending request field, for {@link #INVALID} errors. */
  public static final String FIELD = "field";
  /** In a {@code 409} answer: the record as it is now. */
  public static final String CURRENT = "current";

  /** 400: the body is not JSON. */
  public static final String MALFORMED_JSON = "malformed_json";
  /** 400: a field is missing, of the wrong type or too long. */
  public static final String INVALID = "invalid";
  /** 401: the request needs a session. */
  public static final String UNAUTHORIZED = "unauthorized";
  /** 403: the user may not do this (e.g. join that channel). */
  public static final String FORBIDDEN = "forbidden";
  /** 404: no such record or URL. */
  public static final String NOT_FOUND = "not_found";
  /** 405: the URL does not take that method (see {@code Allow}). */
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  /** 409: the write was based on a stale version. */
  public static final String CONFLICT = "conflict";
  /** 413: the body is larger than the server accepts. */
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  /** 415: the body is not {@code application/json}. */
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  /** 500: a server fault (never caused by request content). */
  public static final String INTERNAL = "internal";
  /** 503: the database is not reachable. */
  public static final String UNAVAILABLE = "unavailable";

  private ErrorCodes() {}
}
