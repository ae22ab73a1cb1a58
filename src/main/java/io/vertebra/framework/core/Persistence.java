package io.vertebra.framework.core;

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

  /** Applies a fetched response to a model or collection; false stops (the response was rejected). */
  interface ResponseApplier {
    boolean apply(Object response, Options options);
  }

  /**
   * The options of a fetch: {@code parse} on unless turned off, a success callback that applies the response,
   * calls the caller's callback and fires {@code "sync"}, and an error callback that fires {@code "error"}.
   */
  static Options fetchOptions(Events target, Options options, ResponseApplier applier) {
    Options opts = new Options().parse(true).putAll(options);
    SyncCallback success = opts.getSuccess();
    opts.success((ignored, response, ignoredOptions) -> {
      if (applier.apply(response, opts)) {
        succeed(target, success, response, opts);
      }
    });
    wrapError(target, opts);
    return opts;
  }

  /** Calls the caller's success callback, if any, with {@code target}, then triggers {@code "sync"}. */
  static void succeed(Events target, SyncCallback success, Object response, Options options) {
    if (success != null) {
      success.call(target, response, options);
    }
    target.trigger("sync", target, response, options);
  }

  /** Gives the call a handle the Sync can attach its abort to, and returns it to the caller. */
  static SyncRequest track(Options options) {
    SyncRequest request = new SyncRequest();
    options.set(Options.SYNC_REQUEST, request);
    return request;
  }
}
