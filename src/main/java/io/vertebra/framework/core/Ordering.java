package io.vertebra.framework.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A collection's comparator, in one of Backbone's three forms: an attribute name, a key per model (one-argument
 * comparator) or a {@link Comparator} (two-argument comparator).
 */
final class Ordering<M extends Model> {

  /** SetOperation sorts after a merge only when this attribute changed. */
  String attribute;
  private Function<? super M, ?> key;
  private Comparator<? super M> comparator;

  boolean isSet() {
    return attribute != null || key != null || comparator != null;
  }

  /** The comparator as given, or null. */
  Object get() {
    return attribute != null ? attribute : key != null ? key : comparator;
  }

  void clear() {
    attribute = null;
    key = null;
    comparator = null;
  }

  void byAttribute(String attr) {
    clear();
    attribute = attr;
  }

  void byKey(Function<? super M, ?> keyFunction) {
    clear();
    key = keyFunction;
  }

  void by(Comparator<? super M> newComparator) {
    clear();
    comparator = newComparator;
  }

  /** Sets the comparator from an option value; null or false removes it. */
  @SuppressWarnings("unchecked")
  void fromOption(Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      clear();
    } else if (value instanceof String) {
      byAttribute((String) value);
    } else if (value instanceof Comparator) {
      by((Comparator<? super M>) value);
    } else if (value instanceof Function) {
      byKey((Function<? super M, ?>) value);
    } else {
      throw new IllegalArgumentException("A comparator is an attribute name, a Comparator or a Function");
    }
  }

  void copyTo(Ordering<M> other) {
    other.attribute = attribute;
    other.key = key;
    other.comparator = comparator;
  }

  /** The models in comparator order (stable; keys and attributes with nulls last). */
  List<M> sort(List<M> models) {
    List<M> sorted = new ArrayList<>(models);
    if (comparator != null) {
      sorted.sort(comparator);
    } else {
      Function<? super M, ?> sortKey = key != null ? key : model -> model.get(attribute);
      sorted.sort((a, b) -> Values.compare(sortKey.apply(a), sortKey.apply(b)));
    }
    return sorted;
  }
}
