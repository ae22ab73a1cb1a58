package io.vertebra.kit.web;

/**
 * Something the server depends on (the database, typically) cannot serve right now. {@link JsonServlet} answers it
 * with {@code 503 unavailable} and logs the cause: the client may retry, and nothing it sent is blamed.
 */
public class ServiceUnavailableException extends RuntimeException {

  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
