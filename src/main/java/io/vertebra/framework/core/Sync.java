package io.vertebra.framework.sync;

import io.vertebra.framework.core.Options;

/**
 * Persists models and collections: the role of {@code Backbone.sync}. Given a method ({@code create},
 * {@code update}, {@code patch}, {@code delete} or {@code read}), a target and options, it performs the request
 * and calls {@code options.getSuccess()} with the parsed response, or {@code options.getError()} with a
 * {@link SyncError}. It triggers {@code "request"} on the target when the request starts.
 *
 * <p>{@link RestSync} is the standard implementation; replace it per model ({@code Model.setSync}) or globally
 * ({@link DefaultSync#set}) to persist elsewhere (local storage, a test double, ...).
 */
@FunctionalInterface
public interface Sync {

  /** Method names, as Backbone passes them. */
  String CREATE = "create";
  String UPDATE = "update";
  String PATCH = "patch";
  String DELETE = "delete";
  String READ = "read";

  /** Performs one request for {@code target}; the outcome arrives through the options' callbacks. */
  void sync(String method, Syncable target, Options options);
}
