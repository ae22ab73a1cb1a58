package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link Collection}'s smart-update algorithm (Backbone's {@code set}): finds, merges, adds and
 * removes models, puts them in their new order, then fires add, sort and update. Replaces each input in place
 * by its model (or null when it failed validation).
 */
final class SetOperation<M extends Model> {
  private final Collection<M> col;
  private final Options opts;
  private final List<M> set = new ArrayList<>();
  private final List<M> toAdd = new ArrayList<>();
  private final List<M> toMerge = new ArrayList<>();
  private final List<M> toRemove = new ArrayList<>();
  private final Map<String, Boolean> seen = new HashMap<>();
  private final Integer at;
  private final boolean sortable;
  private boolean sort;

  SetOperation(Collection<M> col, Options opts) {
    this.col = col;
    this.opts = opts;
    Integer requested = opts.getAt();
    int length = col.models().size();
    if (requested != null && requested > length) {
      requested = length;
    }
    if (requested != null && requested < 0) {
      requested += length + 1;
    }
    this.at = requested;
    this.sortable = col.hasComparator() && at == null && !opts.isFalse(Options.SORT);
  }

  void run(List<Object> inputs) {
    for (int i = 0; i < inputs.size(); i++) {
      inputs.set(i, place(inputs.get(i)));
    }
    if (opts.isRemove()) {
      for (M model : col.models()) {
        if (!seen.containsKey(model.getCid())) {
          toRemove.add(model);
        }
      }
      if (!toRemove.isEmpty()) {
        col.removeModels(toRemove, opts);
      }
    }
    boolean orderChanged = reorder();
    if (sort) {
      col.sort(new Options().silent(true));
    }
    if (!opts.isSilent()) {
      announce(orderChanged);
    }
  }

  private Object place(Object input) {
    M existing = col.get(input);
    if (existing != null) {
      if (opts.isMerge() && input != existing) {
        merge(existing, input);
      }
      if (seen.put(existing.getCid(), Boolean.TRUE) == null) {
        set.add(existing);
      }
      return existing;
    }
    if (!opts.isAdd()) {
      return input;
    }
    M model = col.prepareModel(input, opts);
    if (model != null) {
      toAdd.add(model);
      col.addReference(model);
      seen.put(model.getCid(), Boolean.TRUE);
      set.add(model);
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  private void merge(M existing, Object input) {
    Map<String, Object> attrs = input instanceof Model
        ? ((Model) input).toJSON() : (Map<String, Object>) input;
    if (opts.isParse()) {
      attrs = existing.parse(attrs, opts);
    }
    existing.set(attrs, opts);
    toMerge.add(existing);
    if (sortable && !sort) {
      sort = col.comparatorAttribute == null ? existing.hasChanged() : existing.hasChanged(col.comparatorAttribute);
    }
  }

  /** Puts the models into their new order; returns whether a full replace changed the order. */
  private boolean reorder() {
    boolean replace = !sortable && opts.isAdd() && opts.isRemove();
    if (!set.isEmpty() && replace) {
      boolean orderChanged = col.models().size() != set.size();
      for (int i = 0; !orderChanged && i < set.size(); i++) {
        orderChanged = col.models().get(i) != set.get(i);
      }
      col.replaceModels(new ArrayList<>(set));
      return orderChanged;
    }
    if (!toAdd.isEmpty()) {
      if (sortable) {
        sort = true;
      }
      List<M> models = col.models();
      models.addAll(at == null ? models.size() : Math.min(Math.max(at, 0), models.size()), toAdd);
    }
    return false;
  }

  private void announce(boolean orderChanged) {
    for (int i = 0; i < toAdd.size(); i++) {
      if (at != null) {
        opts.set(Options.INDEX, at + i);
      }
      M model = toAdd.get(i);
      model.trigger("add", model, col, opts);
    }
    if (sort || orderChanged) {
      col.trigger("sort", col, opts);
    }
    if (!toAdd.isEmpty() || !toRemove.isEmpty() || !toMerge.isEmpty()) {
      opts.set(Options.CHANGES, new Changes<M>(toAdd, toRemove, toMerge));
      col.trigger("update", col, opts);
    }
  }
}
