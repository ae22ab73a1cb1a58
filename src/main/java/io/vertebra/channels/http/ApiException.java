package io.vertebra.channels.http;

/** An HTTP API request that cannot be served: the status and the {@code {error, message}} body to answer with. */
public final class ApiException extends Exception {

  private final int status;
  private final String error;

  /** An error answered with {@code status}; {@code error} is a short machine-readable word. */
  public ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  /** 400 with error {@code invalid_request}. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The short error word. */
  public String error() {
    return error;
  }
}
