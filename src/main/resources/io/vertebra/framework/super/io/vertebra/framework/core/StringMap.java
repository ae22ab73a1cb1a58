package io.vertebra.framework.core;

import io.vertebra.framework.browser.NativeMap;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Browser edition of {@link StringMap} (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/core/StringMap.java): the entries live in a JavaScript {@code Map}
 * ({@link NativeMap}), which keeps insertion order as {@code LinkedHashMap} does.
 *
 * @param <V> the values
 */
public class StringMap<V> extends AbstractMap<String, V> {

  private final Object map = NativeMap.create();

  /** An empty map. */
  public StringMap() {
  }

  /** A map with {@code entries}, in their iteration order. */
  public StringMap(Map<String, ? extends V> entries) {
    putAll(entries);
  }

  @Override
  public int size() {
    return NativeMap.size(map);
  }

  @Override
  public boolean containsKey(Object key) {
    return NativeMap.has(map, key);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    return (V) NativeMap.get(map, key);
  }

  @Override
  public V put(String key, V value) {
    V previous = get(key);
    NativeMap.set(map, key, value);
    return previous;
  }

  @Override
  public V remove(Object key) {
    V previous = get(key);
    NativeMap.delete(map, key);
    return previous;
  }

  @Override
  public void clear() {
    NativeMap.clear(map);
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<Map.Entry<String, V>>() {
      @Override
      public int size() {
        return StringMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Entries(NativeMap.keys(map));
      }
    };
  }

  /** Walks the keys present when it started; a key removed meanwhile is skipped. */
  private final class Entries implements Iterator<Map.Entry<String, V>> {
    private final Object keys;
    private int next;
    private String last;
    private boolean removable;

    Entries(Object keys) {
      this.keys = keys;
    }

    @Override
    public boolean hasNext() {
      while (next < NativeMap.length(keys) && !containsKey(NativeMap.at(keys, next))) {
        next++;
      }
      return next < NativeMap.length(keys);
    }

    @Override
    public Map.Entry<String, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = (String) NativeMap.at(keys, next++);
      removable = true;
      return new Entry(last, get(last));
    }

    @Override
    public void remove() {
      if (!removable) {
        throw new IllegalStateException();
      }
      StringMap.this.remove(last);
      removable = false;
    }
  }

  /** An entry whose {@code setValue} writes through to the map, as a {@code LinkedHashMap} entry does. */
  private final class Entry extends AbstractMap.SimpleEntry<String, V> {
    Entry(String key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      NativeMap.set(map, getKey(), value);
      return super.setValue(value);
    }
  }
}
