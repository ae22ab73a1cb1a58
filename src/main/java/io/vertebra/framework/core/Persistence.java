package io.vertebra.framework.core;

import io.vertebra.framework.sync.SyncCallback;

/** The callback wrapping shared by Model and Collection persistence calls (Backbone's {@code wrapError}). */
final class Persistence {

  private Persistence() {
  }

  /**
   * Replaces the options' error callback with one that calls the caller's callback with {@code target} and
   * then triggers {@code "error" (target, error, options)} on it.
   */
  static void wrapError(Events target, Options options) {
    SyncCallback error = options.getError();
    options.error((ignored, response, ignoredOptions) -> {
      if (error != null) {
        error.call(target, response, options);
      }
      target.trigger("error", target, response, options);
    });
  }

  /** Calls the caller's success callback, if any, with {@code target}, then triggers {@code "sync"}. */
  static void succeed(Events target, SyncCallback success, Object response, Options options) {
    if (success != null) {
      success.call(target, response, options);
    }
    target.trigger("sync", target, response, options);
  }
}
