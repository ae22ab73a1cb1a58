package io.vertebra.framework.core;

/**
 * A success or error callback of a persistence call ({@code fetch}, {@code save}, {@code destroy},
 * {@code create}), with Backbone's arguments: the model or collection, the response (parsed JSON on success;
 * on failure what the {@link Sync} reports, a {@code SyncError} for RestSync) and the options of the call.
 */
@FunctionalInterface
public interface SyncCallback {

  /** Handles the outcome of one request. */
  void call(Object target, Object response, Options options);
}
