package io.vertebra.framework.core;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What Backbone's {@code cb} makes of an iteratee that is not a function: an attribute map matches models
 * ({@code modelMatcher}: {@code model.matches(attrs)}), an attribute name reads {@code model.get(name)}.
 */
final class Iteratees {

  private Iteratees() {
  }

  /** Models whose attributes match {@code attrs} ({@link Model#matches(Map)}). */
  static <M extends Model> Predicate<M> matching(Map<String, ?> attrs) {
    return model -> model.matches(attrs);
  }

  /** Models whose attribute {@code attr} is truthy, as JavaScript tests {@code model.get(attr)}. */
  static <M extends Model> Predicate<M> truthy(String attr) {
    return model -> Values.isTruthy(model.get(attr));
  }

  /** The value of attribute {@code attr}. */
  static <M extends Model> Function<M, Object> attribute(String attr) {
    return model -> model.get(attr);
  }
}
