package io.vertebra.framework.core;

import java.util.List;

/**
 * Changing which models a {@link Collection} holds: Backbone's {@code add}, {@code set}, {@code remove},
 * {@code reset}, {@code push}, {@code pop}, {@code unshift} and {@code shift}, with their argument shortcuts.
 * Each takes one model or attribute map (returning one model) or a list (returning the models, in order).
 *
 * @param <M> the model type
 */
public interface ModelEdits<M extends Model> extends ModelSequence<M> {

  /** Adds one model with options; see {@link Collection#add(Object, Options)}. */
  M add(Object model, Options options);

  /** Adds several models with options. */
  List<M> add(List<?> models, Options options);

  /** Smart update with one model; see {@link Collection#set(Object, Options)}. */
  M set(Object model, Options options);

  /** Smart update with a list and options. */
  List<M> set(List<?> models, Options options);

  /** Removes one model with options; see {@link Collection#remove(Object, Options)}. */
  M remove(Object model, Options options);

  /** Removes several models with options. */
  List<M> remove(List<?> models, Options options);

  /** Replaces all models with options; see {@link Collection#reset(Object, Options)}. */
  List<M> reset(Object models, Options options);

  /** Adds one model or attribute map; returns the model (the existing one if already present), or null. */
  default M add(Object model) {
    return add(model, null);
  }

  /** Adds several models; returns them in order (null where a model failed validation). */
  default List<M> add(List<?> models) {
    return add(models, null);
  }

  /** Smart update with one model or attribute map. */
  default M set(Object model) {
    return set(model, null);
  }

  /** Smart update with a list: the collection ends up holding exactly these models (by default). */
  default List<M> set(List<?> models) {
    return set(models, null);
  }

  /** Removes one model (by model, id, cid or attributes); returns it, or null when it was not here. */
  default M remove(Object model) {
    return remove(model, null);
  }

  /** Removes several models; returns those that were here. */
  default List<M> remove(List<?> models) {
    return remove(models, null);
  }

  /** Replaces all models at once, firing one {@code reset} instead of add/remove events. */
  default List<M> reset(List<?> models) {
    return reset(models, null);
  }

  /** Replaces all models with options ({@code silent}, {@code parse}...). */
  default List<M> reset(List<?> models, Options options) {
    return reset((Object) models, options);
  }

  /** Empties the collection (one {@code reset} event). */
  default List<M> reset() {
    return reset(null, null);
  }

  /** Adds a model at the end. */
  default M push(Object model) {
    return push(model, null);
  }

  /** Adds a model at the end, with options. */
  default M push(Object model, Options options) {
    return add(model, new Options().at(length()).putAll(options));
  }

  /** Removes and returns the last model (null when empty). */
  default M pop() {
    return pop(null);
  }

  /** Removes and returns the last model, with options. */
  default M pop(Options options) {
    M last = last();
    return last == null ? null : remove(last, options);
  }

  /** Adds a model at the start. */
  default M unshift(Object model) {
    return unshift(model, null);
  }

  /** Adds a model at the start, with options. */
  default M unshift(Object model, Options options) {
    return add(model, new Options().at(0).putAll(options));
  }

  /** Removes and returns the first model (null when empty). */
  default M shift() {
    return shift(null);
  }

  /** Removes and returns the first model, with options. */
  default M shift(Options options) {
    M first = first();
    return first == null ? null : remove(first, options);
  }
}
