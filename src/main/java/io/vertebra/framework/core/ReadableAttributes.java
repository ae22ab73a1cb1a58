package io.vertebra.framework.core;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reading a {@link Model}'s attributes: Backbone's {@code get}/{@code has}/{@code escape}/{@code matches}, the
 * Underscore object methods it proxies ({@code keys}, {@code values}, {@code pairs}, {@code invert}, {@code pick},
 * {@code omit}, {@code isEmpty}), and typed getters that fail clearly on a value of the wrong type. Every method
 * reads through {@link #get} and {@link #getAttributes}, so a model that overrides {@code get} is read its way.
 */
public interface ReadableAttributes {

  /** The value of an attribute, or null when absent. */
  Object get(String attr);

  /** A read-only live view of all attributes, in order. */
  Map<String, Object> getAttributes();

  /** Whether an attribute is set to something other than null. */
  default boolean has(String attr) {
    return get(attr) != null;
  }

  /** The attribute as HTML-escaped text ("" when absent), safe to put into markup. */
  default String escape(String attr) {
    return Values.escapeHtml(get(attr));
  }

  /**
   * Whether every given attribute is present and strictly equal to this model's ({@code _.isMatch}, which
   * compares with {@code ===}): numbers by value, text and booleans by value, maps and lists only if they are the
   * very same object.
   */
  default boolean matches(Map<String, ?> attrs) {
    Map<String, Object> own = getAttributes();
    for (Map.Entry<String, ?> e : attrs.entrySet()) {
      if (!own.containsKey(e.getKey()) || !Values.isSame(own.get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the attributes pass a test ({@code matches} with a predicate). */
  default boolean matches(Predicate<? super Map<String, Object>> test) {
    return test.test(getAttributes());
  }

  /** The attribute names, in order. */
  default List<String> keys() {
    return new ArrayList<>(getAttributes().keySet());
  }

  /** The attribute values, in order. */
  default List<Object> values() {
    return new ArrayList<>(getAttributes().values());
  }

  /** The (name, value) pairs of the attributes, in order ({@code _.pairs}). */
  default List<Map.Entry<String, Object>> pairs() {
    List<Map.Entry<String, Object>> pairs = new ArrayList<>();
    for (Map.Entry<String, Object> e : getAttributes().entrySet()) {
      pairs.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
    }
    return pairs;
  }

  /** Whether there is no attribute at all ({@code _.isEmpty}). */
  default boolean isEmpty() {
    return getAttributes().isEmpty();
  }

  /** A copy of the given attributes only (those present). */
  default Map<String, Object> pick(String... attrs) {
    Map<String, Object> picked = new StringMap<>();
    Map<String, Object> own = getAttributes();
    for (String attr : attrs) {
      if (own.containsKey(attr)) {
        picked.put(attr, own.get(attr));
      }
    }
    return picked;
  }

  /** A copy of all attributes but the given ones. */
  default Map<String, Object> omit(String... attrs) {
    Map<String, Object> rest = new StringMap<>(getAttributes());
    for (String attr : attrs) {
      rest.remove(attr);
    }
    return rest;
  }

  /** Values (as text) mapped to their attribute names. */
  default Map<String, String> invert() {
    Map<String, String> inverted = new StringMap<>();
    for (Map.Entry<String, Object> e : getAttributes().entrySet()) {
      inverted.put(Values.asText(e.getValue()), e.getKey());
    }
    return inverted;
  }

  /** The attribute as text: strings as they are, numbers without ".0", null when absent. */
  default String getString(String attr) {
    Object value = get(attr);
    return value == null ? null : Values.asText(value);
  }

  /** The attribute as a number, or null when absent; fails clearly when it is not a number. */
  default Number getNumber(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof Number) {
      return (Number) value;
    }
    throw Values.wrongType(attr, value, "a number");
  }

  /** The attribute as a Double, or null when absent. */
  default Double getDouble(String attr) {
    Number n = getNumber(attr);
    return n == null ? null : Double.valueOf(n.doubleValue());
  }

  /** The attribute as an Integer (fraction dropped), or null when absent. */
  default Integer getInt(String attr) {
    Number n = getNumber(attr);
    return n == null ? null : Integer.valueOf(n.intValue());
  }

  /** The attribute as a Long (fraction dropped), or null when absent. */
  default Long getLong(String attr) {
    Number n = getNumber(attr);
    return n == null ? null : Long.valueOf(n.longValue());
  }

  /** The attribute as a Boolean, or null when absent. */
  default Boolean getBoolean(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw Values.wrongType(attr, value, "a boolean");
  }

  /** The attribute as a list (a JSON array), or null when absent. */
  @SuppressWarnings("unchecked")
  default List<Object> getList(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof List) {
      return (List<Object>) value;
    }
    throw Values.wrongType(attr, value, "a list");
  }

  /** The attribute as a map (a JSON object), or null when absent. */
  @SuppressWarnings("unchecked")
  default Map<String, Object> getMap(String attr) {
    Object value = get(attr);
    if (value == null || value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw Values.wrongType(attr, value, "a map");
  }
}
