package io.vertebra.channels.auth;

/** A request or frame whose credentials do not check out; the message says which part failed (never the secret). */
public final class AuthenticationException extends Exception {

  /** A failure described by {@code message}. */
  public AuthenticationException(String message) {
    super(message);
  }
}
