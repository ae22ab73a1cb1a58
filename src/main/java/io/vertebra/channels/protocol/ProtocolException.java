package io.vertebra.channels.protocol;

/**
 * A client frame that cannot be honoured; becomes a {@code pusher:error} frame. {@code code} is null for errors the
 * protocol gives no code (e.g. malformed JSON), as hosted Pusher does.
 */
public final class ProtocolException extends Exception {

  private final Integer code;

  /** An error with an optional protocol code. */
  public ProtocolException(Integer code, String message) {
    super(message);
    this.code = code;
  }

  /** The protocol code, or null. */
  public Integer code() {
    return code;
  }
}
