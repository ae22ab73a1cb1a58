package io.vertebra.kit.store;

import io.vertebra.kit.web.ServiceUnavailableException;

/**
 * The database failed (unreachable, or a bug): unchecked because no caller can fix it; the API answers 503.
 */
public final class StoreException extends ServiceUnavailableException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
