package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Questions asked of a {@link Collection}'s models: the Underscore methods Backbone proxies that take an iteratee.
 * Where Backbone accepts an attribute map or an attribute name in place of a function, so do these: a map matches
 * models whose attributes are strictly equal ({@link Model#matches(Map)}), a name reads {@code model.get(name)}
 * (as a test, JavaScript's truthiness). Every method works on a snapshot of the models, so a callback may change
 * the collection.
 *
 * @param <M> the model type
 */
public interface ModelQueries<M extends Model> extends ModelSequence<M> {

  /** The models that pass the test, in order. */
  default List<M> filter(Predicate<? super M> test) {
    List<M> result = new ArrayList<>();
    for (M model : toList()) {
      if (test.test(model)) {
        result.add(model);
      }
    }
    return result;
  }

  /** The models whose attributes match. */
  default List<M> filter(Map<String, ?> attrs) {
    return filter(Iteratees.matching(attrs));
  }

  /** The models whose attribute is truthy. */
  default List<M> filter(String attr) {
    return filter(Iteratees.truthy(attr));
  }

  /** The models that fail the test, in order. */
  default List<M> reject(Predicate<? super M> test) {
    return filter(model -> !test.test(model));
  }

  /** The models whose attributes do not match. */
  default List<M> reject(Map<String, ?> attrs) {
    return reject(Iteratees.matching(attrs));
  }

  /** The models whose attribute is falsy. */
  default List<M> reject(String attr) {
    return reject(Iteratees.truthy(attr));
  }

  /** The first model that passes the test, or null. */
  default M find(Predicate<? super M> test) {
    int index = findIndex(test);
    return index < 0 ? null : at(index);
  }

  /** The first model whose attributes match, or null. */
  default M find(Map<String, ?> attrs) {
    return find(Iteratees.matching(attrs));
  }

  /** The first model whose attribute is truthy, or null. */
  default M find(String attr) {
    return find(Iteratees.truthy(attr));
  }

  /** The position of the first model that passes the test, or -1. */
  default int findIndex(Predicate<? super M> test) {
    List<M> models = toList();
    for (int i = 0; i < models.size(); i++) {
      if (test.test(models.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The position of the first model whose attributes match, or -1. */
  default int findIndex(Map<String, ?> attrs) {
    return findIndex(Iteratees.matching(attrs));
  }

  /** The position of the last model that passes the test, or -1. */
  default int findLastIndex(Predicate<? super M> test) {
    List<M> models = toList();
    for (int i = models.size() - 1; i >= 0; i--) {
      if (test.test(models.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The position of the last model whose attributes match, or -1. */
  default int findLastIndex(Map<String, ?> attrs) {
    return findLastIndex(Iteratees.matching(attrs));
  }

  /** Whether some model passes the test. */
  default boolean some(Predicate<? super M> test) {
    return findIndex(test) >= 0;
  }

  /** Whether some model's attributes match. */
  default boolean some(Map<String, ?> attrs) {
    return some(Iteratees.matching(attrs));
  }

  /** Whether every model passes the test. */
  default boolean every(Predicate<? super M> test) {
    return findIndex(model -> !test.test(model)) < 0;
  }

  /** Whether every model's attributes match. */
  default boolean every(Map<String, ?> attrs) {
    return every(Iteratees.matching(attrs));
  }

  /** Two lists: the models that pass the test and those that fail it, each in order. */
  default List<List<M>> partition(Predicate<? super M> test) {
    List<M> pass = new ArrayList<>();
    List<M> fail = new ArrayList<>();
    for (M model : toList()) {
      (test.test(model) ? pass : fail).add(model);
    }
    return Arrays.asList(pass, fail);
  }

  /** Two lists: the models whose attributes match, and the others. */
  default List<List<M>> partition(Map<String, ?> attrs) {
    return partition(Iteratees.matching(attrs));
  }

  /** The models whose attributes match every given attribute. */
  default List<M> where(Map<String, ?> attrs) {
    return filter(attrs);
  }

  /** With {@code first}, a list holding only the first match, if any ({@code findWhere}); else {@link #where}. */
  default List<M> where(Map<String, ?> attrs, boolean first) {
    if (!first) {
      return where(attrs);
    }
    int index = findIndex(attrs);
    return index < 0 ? new ArrayList<>() : slice(index, index + 1);
  }

  /** The first model whose attributes match, or null. */
  default M findWhere(Map<String, ?> attrs) {
    return find(attrs);
  }

  /** Every model mapped through a function, in order. */
  default <R> List<R> map(Function<? super M, ? extends R> mapper) {
    List<R> result = new ArrayList<>();
    for (M model : toList()) {
      result.add(mapper.apply(model));
    }
    return result;
  }

  /** Whether each model's attributes match, in order. */
  default List<Boolean> map(Map<String, ?> attrs) {
    return map(Iteratees.<M>matching(attrs)::test);
  }

  /** The value of one attribute of every model, in order ({@link #pluck}). */
  default List<Object> map(String attr) {
    return pluck(attr);
  }

  /** The value of one attribute of every model, in order. */
  default List<Object> pluck(String attr) {
    return map(Iteratees.attribute(attr));
  }

  /** Folds the models from the left, starting with the first model as the memo; null when there is none. */
  default M reduce(BinaryOperator<M> fold) {
    List<M> models = toList();
    return models.isEmpty() ? null : fold(models.subList(1, models.size()), fold, models.get(0));
  }

  /** Folds the models from the left into {@code memo}. */
  default <R> R reduce(BiFunction<R, ? super M, R> fold, R memo) {
    return fold(toList(), fold, memo);
  }

  /** Folds the models from the right, starting with the last model as the memo; null when there is none. */
  default M reduceRight(BinaryOperator<M> fold) {
    List<M> models = toList();
    Collections.reverse(models);
    return models.isEmpty() ? null : fold(models.subList(1, models.size()), fold, models.get(0));
  }

  /** Folds the models from the right into {@code memo}. */
  default <R> R reduceRight(BiFunction<R, ? super M, R> fold, R memo) {
    List<M> models = toList();
    Collections.reverse(models);
    return fold(models, fold, memo);
  }

  /** The model with the greatest key (the first of equals; null keys ignored), or null. */
  default M max(Function<? super M, ?> key) {
    return extreme(this, key, 1);
  }

  /** The model with the greatest value of an attribute, or null. */
  default M max(String attr) {
    return max(Iteratees.attribute(attr));
  }

  /** The model with the least key (the first of equals; null keys ignored), or null. */
  default M min(Function<? super M, ?> key) {
    return extreme(this, key, -1);
  }

  /** The model with the least value of an attribute, or null. */
  default M min(String attr) {
    return min(Iteratees.attribute(attr));
  }

  /** Groups the models by a key, keeping order within each group. */
  default <K> Map<K, List<M>> groupBy(Function<? super M, ? extends K> key) {
    Map<K, List<M>> groups = new LinkedHashMap<>();
    for (M model : toList()) {
      groups.computeIfAbsent(key.apply(model), k -> new ArrayList<>()).add(model);
    }
    return groups;
  }

  /** Groups the models by the value of an attribute. */
  default Map<Object, List<M>> groupBy(String attr) {
    return groupBy(Iteratees.attribute(attr));
  }

  /** How many models fall under each key. */
  default <K> Map<K, Integer> countBy(Function<? super M, ? extends K> key) {
    Map<K, Integer> counts = new LinkedHashMap<>();
    for (M model : toList()) {
      K k = key.apply(model);
      counts.put(k, counts.containsKey(k) ? counts.get(k) + 1 : 1);
    }
    return counts;
  }

  /** How many models have each value of an attribute (null for an absent one). */
  default Map<Object, Integer> countBy(String attr) {
    return countBy(Iteratees.attribute(attr));
  }

  /** How many models match the attributes (true) and how many do not (false). */
  default Map<Boolean, Integer> countBy(Map<String, ?> attrs) {
    return countBy(Iteratees.<M>matching(attrs)::test);
  }

  /** The models by a key that is unique to each (a later model wins a shared key). */
  default <K> Map<K, M> indexBy(Function<? super M, ? extends K> key) {
    Map<K, M> index = new LinkedHashMap<>();
    for (M model : toList()) {
      index.put(key.apply(model), model);
    }
    return index;
  }

  /** The models by the value of an attribute. */
  default Map<Object, M> indexBy(String attr) {
    return indexBy(Iteratees.attribute(attr));
  }

  /** The models sorted by a key (stable, nulls last), without changing the collection. */
  default List<M> sortBy(Function<? super M, ?> key) {
    List<M> sorted = toList();
    sorted.sort((a, b) -> Values.compare(key.apply(a), key.apply(b)));
    return sorted;
  }

  /** The models sorted by an attribute (stable, nulls last), without changing the collection. */
  default List<M> sortBy(String attr) {
    return sortBy(Iteratees.attribute(attr));
  }

  /**
   * Calls a method on every model with the same arguments and returns the results in order ({@code _.invoke};
   * Java names the method by reference: {@code invoke(Post::publish, when)}).
   */
  default <R> List<R> invoke(BiFunction<? super M, Object[], ? extends R> method, Object... args) {
    return map(model -> method.apply(model, args));
  }

  private static <M, R> R fold(List<M> models, BiFunction<R, ? super M, R> fold, R memo) {
    R result = memo;
    for (M model : models) {
      result = fold.apply(result, model);
    }
    return result;
  }

  private static <M extends Model> M extreme(ModelSequence<M> models, Function<? super M, ?> key, int sign) {
    M best = null;
    Object bestKey = null;
    for (M model : models.toList()) {
      Object k = key.apply(model);
      if (k != null && (bestKey == null || sign * Values.compare(k, bestKey) > 0)) {
        best = model;
        bestKey = k;
      }
    }
    return best;
  }
}
