package io.vertebra.posts.server.store;

/** The database failed (unreachable, or a bug): unchecked because no caller can fix it. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
