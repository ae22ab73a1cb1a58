package io.vertebra.framework.core;

/**
 * Persists models and collections: the role of {@code Backbone.sync}, declared here because models and
 * collections call it; the {@code sync} package implements it ({@code RestSync}: REST over HTTP). Given a method
 * ({@code create}, {@code update}, {@code patch}, {@code delete} or {@code read}), a target and options, it
 * performs the request and calls {@code options.getSuccess()} with the parsed response, or
 * {@code options.getError()} with what went wrong ({@code SyncError} for RestSync). It triggers {@code "request"}
 * on the target when the request starts, and may attach how to stop it to {@link Options#getSyncRequest()}.
 *
 * <p>Replace it per model or collection ({@code setSync}) or for the whole application ({@link GlobalSync#set},
 * which {@code DefaultSync.set} calls) to persist elsewhere (local storage, a test double, ...).
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
