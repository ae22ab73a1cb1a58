package io.vertebra.framework.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An insertion-ordered map from strings, the framework's map for attributes, options, event tables and headers: a
 * {@code LinkedHashMap} on the JVM; compiled to JavaScript, the browser's own {@code Map} (the browser edition in
 * super/), so an app ships neither the JRE emulation's hash map nor its linked entries. Iteration order, null keys
 * and values and every {@code Map} method behave as {@code LinkedHashMap}'s, except that the browser edition's
 * iterators walk the keys present when they started and never throw {@code ConcurrentModificationException}.
 * Apps may use it for their own string-keyed maps for the same reason.
 *
 * @param <V> the values
 */
public class StringMap<V> extends LinkedHashMap<String, V> {

  /** An empty map. */
  public StringMap() {
  }

  /** A map with {@code entries}, in their iteration order. */
  public StringMap(Map<String, ? extends V> entries) {
    super(entries);
  }
}
