package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The models of a {@link Collection} as an ordered sequence: Backbone's positional Underscore methods
 * ({@code first}, {@code last}, {@code initial}, {@code rest}, {@code slice}, {@code indexOf},
 * {@code lastIndexOf}, {@code includes}, {@code without}, {@code difference}, {@code shuffle}, {@code sample},
 * {@code size}, {@code toArray}), plus {@link #stream()}, Java's counterpart of {@code chain()}. Models compare by
 * identity, as {@code ===} compares them. Lists returned are new copies; changing them leaves the collection as
 * it is.
 *
 * @param <M> the model type
 */
public interface ModelSequence<M extends Model> extends Iterable<M> {

  /** A copy of the models, in order. */
  List<M> toList();

  /** The number of models. */
  int length();

  /** The model at an index; negative indexes count from the end; null when out of range. */
  M at(int index);

  /** The number of models ({@code _.size}). */
  default int size() {
    return length();
  }

  /** Whether there is no model. */
  default boolean isEmpty() {
    return length() == 0;
  }

  /** The first model, or null. */
  default M first() {
    return at(0);
  }

  /** The first {@code n} models. */
  default List<M> first(int n) {
    return slice(0, Math.max(0, n));
  }

  /** The last model, or null. */
  default M last() {
    return at(-1);
  }

  /** The last {@code n} models. */
  default List<M> last(int n) {
    return slice(Math.max(0, length() - Math.max(0, n)));
  }

  /** Every model but the last. */
  default List<M> initial() {
    return initial(1);
  }

  /** Every model but the last {@code n}. */
  default List<M> initial(int n) {
    return slice(0, Math.max(0, length() - n));
  }

  /** Every model but the first. */
  default List<M> rest() {
    return rest(1);
  }

  /** Every model from index {@code n} on. */
  default List<M> rest(int n) {
    return slice(Math.max(0, n));
  }

  /** The models from {@code start} on (negative counts from the end). */
  default List<M> slice(int start) {
    return slice(start, length());
  }

  /** The models in [start, end), indexes as JavaScript's {@code Array.slice} takes them. */
  default List<M> slice(int start, int end) {
    List<M> models = toList();
    int from = Math.max(0, Math.min(start < 0 ? start + models.size() : start, models.size()));
    int to = Math.max(0, Math.min(end < 0 ? end + models.size() : end, models.size()));
    return from >= to ? new ArrayList<>() : new ArrayList<>(models.subList(from, to));
  }

  /** The position of a model, or -1. */
  default int indexOf(Object model) {
    for (int i = 0; i < length(); i++) {
      if (at(i) == model) {
        return i;
      }
    }
    return -1;
  }

  /** The last position of a model, or -1. */
  default int lastIndexOf(Object model) {
    for (int i = length() - 1; i >= 0; i--) {
      if (at(i) == model) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the model is here. */
  default boolean includes(Object model) {
    return indexOf(model) >= 0;
  }

  /** The models other than the given ones. */
  default List<M> without(Object... models) {
    return difference(Arrays.asList(models));
  }

  /** The models that are not in {@code others}. */
  default List<M> difference(List<?> others) {
    List<M> result = new ArrayList<>();
    for (M model : toList()) {
      boolean excluded = false;
      for (Object other : others) {
        excluded |= other == model;
      }
      if (!excluded) {
        result.add(model);
      }
    }
    return result;
  }

  /** The models in a random order (Fisher-Yates). */
  default List<M> shuffle() {
    List<M> shuffled = toList();
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = (int) (Math.random() * (i + 1));
      M swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    return shuffled;
  }

  /** A random model, or null when there is none. */
  default M sample() {
    return isEmpty() ? null : at((int) (Math.random() * length()));
  }

  /** {@code n} different models picked at random (all of them, shuffled, when there are fewer). */
  default List<M> sample(int n) {
    List<M> shuffled = shuffle();
    return new ArrayList<>(shuffled.subList(0, Math.max(0, Math.min(n, shuffled.size()))));
  }

  /** The models in a new array. */
  default Object[] toArray() {
    return toList().toArray();
  }

  /** The models in a new array of the given type ({@code toArray(Post[]::new)}). */
  default <A> A[] toArray(IntFunction<A[]> generator) {
    List<M> models = toList();
    A[] array = generator.apply(models.size());
    for (int i = 0; i < array.length; i++) {
      @SuppressWarnings("unchecked")
      A model = (A) models.get(i);
      array[i] = model;
    }
    return array;
  }

  /** The models as a stream: Java's way to chain operations, as Underscore's {@code chain()} does. */
  default Stream<M> stream() {
    return toList().stream();
  }
}
