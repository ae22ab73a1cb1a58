package io.vertebra.framework.core;

import java.util.Map;

/**
 * Changing a {@link Model}'s attributes: Backbone's {@code set}, {@code unset} and {@code clear} with their
 * argument shortcuts, all going through {@link #set(Map, Options)}. Each returns false, changing nothing, when
 * the {@code validate} option is on and validation fails.
 */
public interface WritableAttributes {

  /** Sets several attributes with options; see {@link Model#set(Map, Options)}. */
  boolean set(Map<String, ?> attrs, Options options);

  /** A read-only live view of all attributes. */
  Map<String, Object> getAttributes();

  /** Sets several attributes at once (one {@code change} event). */
  default boolean set(Map<String, ?> attrs) {
    return set(attrs, null);
  }

  /** Sets one attribute. */
  default boolean set(String attr, Object value) {
    return set(attr, value, null);
  }

  /** Sets one attribute with options ({@code silent}, {@code unset}, {@code validate}, custom keys). */
  default boolean set(String attr, Object value, Options options) {
    if (attr == null) {
      return true;
    }
    Map<String, Object> attrs = new StringMap<>();
    attrs.put(attr, value);
    return set(attrs, options);
  }

  /** Removes an attribute (fires {@code change:attr} with null and {@code change}). */
  default boolean unset(String attr) {
    return unset(attr, null);
  }

  /** Removes an attribute with options. */
  default boolean unset(String attr, Options options) {
    return set(attr, null, Options.copyOf(options).unset(true));
  }

  /** Removes every attribute, the id included. */
  default boolean clear() {
    return clear(null);
  }

  /** Removes every attribute with options. */
  default boolean clear(Options options) {
    Map<String, Object> attrs = new StringMap<>();
    for (String key : getAttributes().keySet()) {
      attrs.put(key, null);
    }
    return set(attrs, Options.copyOf(options).unset(true));
  }
}
