package io.vertebra.framework.core;

import java.util.Map;

/** Backbone's {@code fetch}, {@code save} and {@code destroy} of one {@link Model}. */
final class ModelPersistence {

  private ModelPersistence() {
  }

  static SyncRequest fetch(Model model, Options options) {
    Options opts = Persistence.fetchOptions(model, options,
        (response, o) -> model.set(o.isParse() ? model.parse(response, o) : asAttributes(response), o));
    SyncRequest request = Persistence.track(opts);
    model.sync(Sync.READ, opts);
    return request;
  }

  /** See {@link Model#save(Map, Options)}; null when validation failed. */
  static SyncRequest save(Model model, Map<String, ?> attrs, Options options) {
    Options opts = new Options().validate(true).parse(true).putAll(options);
    boolean wait = opts.isWait();
    if (attrs != null && !wait) {
      if (!model.set(attrs, opts)) {
        return null;
      }
    } else if (!model.state().validate(attrs, opts)) {
      return null;
    }
    AttributeChanges state = model.state();
    Map<String, Object> current = state.attributes;
    SyncCallback success = opts.getSuccess();
    opts.success((target, response, ignored) -> {
      state.attributes = current;
      Map<String, Object> serverAttrs = opts.isParse() ? model.parse(response, opts) : asAttributes(response);
      if (wait) {
        Map<String, Object> merged = new StringMap<>();
        if (attrs != null) {
          merged.putAll(attrs);
        }
        if (serverAttrs != null) {
          merged.putAll(serverAttrs);
        }
        serverAttrs = merged;
      }
      if (serverAttrs != null && !model.set(serverAttrs, opts)) {
        return;
      }
      Persistence.succeed(model, success, response, opts);
    });
    Persistence.wrapError(model, opts);
    if (attrs != null && wait) {
      // Send the proposed attributes without announcing them yet.
      state.attributes = new StringMap<>(current);
      state.attributes.putAll(attrs);
    }
    String method = model.isNew() ? Sync.CREATE : opts.isPatch() ? Sync.PATCH : Sync.UPDATE;
    if (Sync.PATCH.equals(method) && opts.getAttrs() == null) {
      opts.attrs(attrs);
    }
    SyncRequest request = Persistence.track(opts);
    try {
      model.sync(method, opts);
    } finally {
      state.attributes = current;
    }
    return request;
  }

  /** See {@link Model#destroy(Options)}; null for a model that was never saved. */
  static SyncRequest destroy(Model model, Options options) {
    Options opts = Options.copyOf(options);
    SyncCallback success = opts.getSuccess();
    boolean wait = opts.isWait();
    Runnable announce = () -> {
      model.stopListening();
      model.trigger("destroy", model, model.getCollection(), opts);
    };
    SyncCallback done = (target, response, ignored) -> {
      if (wait) {
        announce.run();
      }
      if (success != null) {
        success.call(model, response, opts);
      }
      if (!model.isNew()) {
        model.trigger("sync", model, response, opts);
      }
    };
    opts.success(done);
    SyncRequest request = null;
    if (model.isNew()) {
      // Nothing to send; Backbone still answers later, as if a request had been made (_.defer).
      Defer.run(() -> done.call(model, null, opts));
    } else {
      Persistence.wrapError(model, opts);
      request = Persistence.track(opts);
      model.sync(Sync.DELETE, opts);
    }
    if (!wait) {
      announce.run();
    }
    return request;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asAttributes(Object response) {
    return response instanceof Map ? (Map<String, Object>) response : null;
  }
}
