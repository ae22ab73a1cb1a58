package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A collection's models: their order, their index by client id and id (ids as text, as JavaScript object keys
 * hold them: {@code 1} and {@code "1"} are the same id), and the reference that ties each to the collection, whose
 * events the collection re-triggers: Backbone's {@code models}, {@code _byId}, {@code _addReference},
 * {@code _removeReference}, {@code _removeModels} and {@code _onModelEvent}.
 */
final class Members<M extends Model> {

  private final Collection<M> col;
  /** The live order; SetOperation and sorting replace or rearrange it. */
  List<M> models = new ArrayList<>();
  private Map<String, M> byId = new StringMap<>();
  private final Callback modelEventHandler = this::onModelEvent;
  private final Callback pristineErrorHandler = this::forwardPristineError;

  Members(Collection<M> col) {
    this.col = col;
  }

  /** The model indexed under this id or client id, or null. */
  M byKey(Object key) {
    return key == null ? null : byId.get(Values.asText(key));
  }

  /**
   * The model with this id (number or text) or client id, this model, or the one whose attributes carry its id
   * (or a {@code "cid"}): Backbone's {@code get}.
   */
  M get(Object obj) {
    if (obj instanceof Model) {
      Model model = (Model) obj;
      M found = byKey(col.modelId(model.getAttributes(), model.idAttribute()));
      return found != null ? found : byKey(model.getCid());
    }
    if (obj instanceof Map) {
      Map<?, ?> attrs = (Map<?, ?>) obj;
      @SuppressWarnings("unchecked")
      M found = byKey(col.modelId((Map<String, ?>) attrs, null));
      return found != null || !(attrs.get("cid") instanceof String) ? found : byKey(attrs.get("cid"));
    }
    return byKey(obj);
  }

  /** Indexes a model and re-triggers its events on the collection. */
  void addReference(M model) {
    byId.put(model.getCid(), model);
    Object id = idOf(model);
    if (id != null) {
      byId.put(Values.asText(id), model);
    }
    model.on("all", modelEventHandler, col);
  }

  /** Forgets every model (a reset), unties each from the collection and returns them in their old order. */
  List<M> clear() {
    List<M> previous = models;
    for (M model : previous) {
      removeReference(model);
    }
    models = new ArrayList<>();
    byId = new StringMap<>();
    return previous;
  }

  /** Removes the given models (by anything {@code get} accepts), firing {@code remove} for each. */
  List<M> remove(List<?> toRemove, Options options) {
    List<M> removed = new ArrayList<>();
    for (Object item : toRemove) {
      M model = col.get(item);
      int position = model == null ? -1 : models.indexOf(model);
      if (position < 0) {
        continue;
      }
      models.remove(position);
      // Unindexed before "remove" fires, so listeners no longer find it here.
      unindex(model);
      if (!options.isSilent()) {
        options.set(Options.INDEX, position);
        model.trigger("remove", model, col, options);
      }
      removed.add(model);
      removeReference(model);
    }
    if (!toRemove.isEmpty() && !options.isSilent()) {
      options.delete(Options.INDEX);
    }
    return removed;
  }

  /** Stands in for the collection's listener while {@code create(wait)} waits: forwards a first error. */
  Callback pristineErrorHandler() {
    return pristineErrorHandler;
  }

  private void removeReference(M model) {
    unindex(model);
    if (model.getCollection() == col) {
      model.setCollection(null);
    }
    model.off("all", modelEventHandler, col);
  }

  private void unindex(M model) {
    byId.remove(model.getCid());
    Object id = idOf(model);
    if (id != null) {
      byId.remove(Values.asText(id));
    }
  }

  private Object idOf(M model) {
    return col.modelId(model.getAttributes(), model.idAttribute());
  }

  /** Re-triggers a model event on the collection; keeps the id index current and drops destroyed models. */
  @SuppressWarnings("unchecked")
  private void onModelEvent(Object... args) {
    String event = (String) args[0];
    Object subject = args.length > 1 ? args[1] : null;
    if (subject instanceof Model) {
      Object other = args.length > 2 ? args[2] : null;
      if (("add".equals(event) || "remove".equals(event)) && other != col) {
        return;
      }
      M model = (M) subject;
      if ("destroy".equals(event)) {
        col.remove(model, args.length > 3 && args[3] instanceof Options ? (Options) args[3] : null);
      }
      if ("changeId".equals(event)) {
        Object previousId = col.modelId(model.previousAttributes(), model.idAttribute());
        if (previousId != null) {
          byId.remove(Values.asText(previousId));
        }
        Object id = idOf(model);
        if (id != null) {
          byId.put(Values.asText(id), model);
        }
      }
    }
    Object[] rest = new Object[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    col.trigger(event, rest);
  }

  /** Forwards a model's error during create(wait) unless the model is (already) here. */
  private void forwardPristineError(Object... args) {
    if (col.has(args[0])) {
      return;
    }
    Object[] forwarded = new Object[args.length + 1];
    forwarded[0] = "error";
    System.arraycopy(args, 0, forwarded, 1, args.length);
    onModelEvent(forwarded);
  }
}
