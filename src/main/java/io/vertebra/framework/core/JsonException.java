package io.vertebra.framework.core;

/** Thrown by {@link Json#parse} for malformed JSON text; the message names the offending character position. */
public class JsonException extends RuntimeException {

  private final int position;

  /** Creates an error found at {@code position} (0-based character offset; -1 when not about a position). */
  public JsonException(String message, int position) {
    super(position < 0 ? message : message + " at position " + position);
    this.position = position;
  }

  /** The 0-based character offset in the parsed text where the error was found, or -1. */
  public int getPosition() {
    return position;
  }
}
