package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link Collection}'s smart-update algorithm (Backbone's {@code set}): finds, merges, adds and
 * removes models, puts them in their new order, then fires add, sort and update. Replaces each input in place
 * by its model (or null when it failed validation). {@link #setAny} is the entry ({@code parse}, one input or a
 * list), {@link #prepareModel} Backbone's {@code _prepareModel}.
 */
final class SetOperation<M extends Model> {
  private final Collection<M> col;
  private final Options opts;
  private final List<M> set = new ArrayList<>();
  private final List<M> toAdd = new ArrayList<>();
  private final List<M> toMerge = new ArrayList<>();
  private final List<M> toRemove = new ArrayList<>();
  private final Map<String, Boolean> seen = new StringMap<>();
  private final Integer at;
  private final boolean sortable;
  private boolean sort;

  SetOperation(Collection<M> col, Options opts) {
    this.col = col;
    this.opts = opts;
    Integer requested = opts.getAt();
    int length = col.members().models.size();
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
      for (M model : col.members().models) {
        if (!seen.containsKey(model.getCid())) {
          toRemove.add(model);
        }
      }
      if (!toRemove.isEmpty()) {
        col.members().remove(toRemove, opts);
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
    M model = prepareModel(col, input, opts);
    if (model != null) {
      toAdd.add(model);
      col.members().addReference(model);
      seen.put(model.getCid(), Boolean.TRUE);
      set.add(model);
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  private void merge(M existing, Object input) {
    Map<String, Object> attrs = input instanceof Model
        ? ((Model) input).getAttributes() : (Map<String, Object>) input;
    if (opts.isParse()) {
      attrs = existing.parse(attrs, opts);
    }
    existing.set(attrs, opts);
    toMerge.add(existing);
    if (sortable && !sort) {
      sort = existing.hasChanged(col.comparatorAttribute());
    }
  }

  /** Puts the models into their new order; returns whether a full replace changed the order. */
  private boolean reorder() {
    boolean replace = !sortable && opts.isAdd() && opts.isRemove();
    if (!set.isEmpty() && replace) {
      boolean orderChanged = col.members().models.size() != set.size();
      for (int i = 0; !orderChanged && i < set.size(); i++) {
        orderChanged = col.members().models.get(i) != set.get(i);
      }
      col.members().models = new ArrayList<>(set);
      return orderChanged;
    }
    if (!toAdd.isEmpty()) {
      if (sortable) {
        sort = true;
      }
      List<M> models = col.members().models;
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

  @SuppressWarnings("unchecked")
  static <M extends Model> M single(Object result) {
    return result instanceof List ? (((List<M>) result).isEmpty() ? null : ((List<M>) result).get(0)) : (M) result;
  }

  @SuppressWarnings("unchecked")
  static <M extends Model> List<M> many(Object result) {
    if (result == null) {
      return new ArrayList<>();
    }
    return result instanceof List ? (List<M>) result : one((M) result);
  }

  /** A modifiable list of one item (not Collections.singletonList: its class would ship for these uses). */
  static <T> List<T> one(T item) {
    List<T> list = new ArrayList<>();
    list.add(item);
    return list;
  }

  /** Backbone's {@code set}: returns one model for one input, else the list. */
  static <M extends Model> Object setAny(Collection<M> col, Object input, Options options) {
    if (input == null) {
      return null;
    }
    Options opts = new Options().add(true).remove(true).merge(true).putAll(options);
    Object items = input;
    if (opts.isParse() && !(items instanceof Model)) {
      items = col.parse(items, opts);
      if (items == null) {
        items = new ArrayList<>();
      }
    }
    boolean singular = !(items instanceof List);
    List<Object> inputs = singular
        ? one(items) : new ArrayList<>((List<?>) items);
    new SetOperation<>(col, opts).run(inputs);
    return singular ? inputs.get(0) : inputs;
  }

  /** Turns attributes into a model of this collection (or adopts a model); null when it fails validation. */
  @SuppressWarnings("unchecked")
  static <M extends Model> M prepareModel(Collection<M> col, Object attrs, Options options) {
    if (attrs instanceof Model) {
      M model = (M) attrs;
      if (model.getCollection() == null) {
        model.setCollection(col);
      }
      return col.learnIdAttribute(model);
    }
    if (attrs != null && !(attrs instanceof Map)) {
      throw new IllegalArgumentException("A collection holds models or attribute maps, not "
          + attrs.getClass().getName());
    }
    Options opts = Options.copyOf(options);
    opts.set(Options.COLLECTION, col);
    ModelFactory<M> factory = col.getModelFactory();
    M model = factory.create(attrs == null ? new StringMap<>() : (Map<String, Object>) attrs, opts);
    model.madeBy(factory);
    col.learnIdAttribute(model);
    if (model.getValidationError() == null) {
      return model;
    }
    col.trigger("invalid", col, model.getValidationError(), opts);
    return null;
  }
}
