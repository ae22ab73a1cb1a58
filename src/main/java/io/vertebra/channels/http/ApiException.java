package io.vertebra.channels.http;

/** An HTTP API request that cannot be served: the status and the {@code {error, message}} body to answer with. */
public final class ApiException extends Exception {

  private final int status;
  private final String error;
  private final long retryAfterSeconds;

  /** An error answered with {@code status}; {@code error} is a short machine-readable word. */
  public ApiException(int status, String error, String message) {
    this(status, error, message, 0);
  }

  private ApiException(int status, String error, String message, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429 with error {@code too_many_requests}, to be retried after {@code seconds}. */
  public static ApiException tooManyRequests(String message, long seconds) {
    return new ApiException(429, "too_many_requests", message, seconds);
  }

  /** 400 with error {@code invalid_request}. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Seconds the client should wait before retrying ({@code Retry-After}), or 0 when not applicable. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The short error word. */
  public String error() {
    return error;
  }
}
