package io.vertebra.framework.sync;

import io.vertebra.framework.core.Options;

/**
 * A success or error callback of a persistence call ({@code fetch}, {@code save}, {@code destroy},
 * {@code create}), with Backbone's arguments: the model or collection, the response (parsed JSON on success, a
 * {@link SyncError} on failure) and the options of the call.
 */
@FunctionalInterface
public interface SyncCallback {

  /** Handles the outcome of one request. */
  void call(Object target, Object response, Options options);
}
