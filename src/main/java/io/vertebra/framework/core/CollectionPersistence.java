package io.vertebra.framework.core;

/** Backbone's {@code fetch} and {@code create} of a {@link Collection}. */
final class CollectionPersistence {

  private CollectionPersistence() {
  }

  /** Loads the list; {@code parse} gets the raw response, then {@code reset} or {@code set} takes what it gives. */
  static <M extends Model> SyncRequest fetch(Collection<M> col, Options options) {
    Options opts = Persistence.fetchOptions(col, options, (response, o) -> {
      if (o.isReset()) {
        col.reset(response, o);
      } else {
        col.set(response, o);
      }
      return true;
    });
    SyncRequest request = Persistence.track(opts);
    col.sync(Sync.READ, opts);
    return request;
  }

  /** Adds (now, or with {@code wait} once saved) and saves a model; null when it failed validation. */
  static <M extends Model> M create(Collection<M> col, Object model, Options options) {
    Options opts = Options.copyOf(options);
    boolean wait = opts.isWait();
    M prepared = SetOperation.prepareModel(col, model, opts);
    if (prepared == null) {
      return null;
    }
    if (!wait) {
      col.add(prepared, opts);
    }
    SyncCallback success = opts.getSuccess();
    Callback pristineError = col.members().pristineErrorHandler();
    opts.success((target, response, callbackOptions) -> {
      if (wait) {
        prepared.off("error", pristineError, col);
        col.add(prepared, callbackOptions);
      }
      if (success != null) {
        success.call(target, response, callbackOptions);
      }
    });
    if (wait) {
      // Not listening to the model yet: forward its first error ourselves.
      prepared.once("error", pristineError, col);
    }
    prepared.save(opts);
    return prepared;
  }
}
