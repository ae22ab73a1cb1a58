package io.vertebra.framework.browser;

/**
 * The browser's {@code Map}: insertion-ordered, keys compared as JavaScript compares them (strings by value). The
 * browser edition of {@code core.StringMap} keeps its entries in one, which ships far less script than the JRE
 * emulation's {@code LinkedHashMap} (hash buckets, string table, entry chain, their iterators).
 */
public final class NativeMap {

  private NativeMap() {
  }

  /** {@code new Map()}. */
  public static native Object create() /*-{
    return new Map();
  }-*/;

  /** {@code map.size}. */
  public static native int size(Object map) /*-{
    return map.size;
  }-*/;

  /** {@code map.has(key)}. */
  public static native boolean has(Object map, Object key) /*-{
    return map.has(key);
  }-*/;

  /** {@code map.get(key)}, null for a missing key. */
  public static native Object get(Object map, Object key) /*-{
    var value = map.get(key);
    return value === undefined ? null : value;
  }-*/;

  /** {@code map.set(key, value)}: a new key goes last, an existing one keeps its place. */
  public static native void set(Object map, Object key, Object value) /*-{
    map.set(key, value);
  }-*/;

  /** {@code map.delete(key)}. */
  public static native void delete(Object map, Object key) /*-{
    map['delete'](key);
  }-*/;

  /** {@code map.clear()}. */
  public static native void clear(Object map) /*-{
    map.clear();
  }-*/;

  /** The keys in order, as a JavaScript array taken now (later changes to the map do not show in it). */
  public static native Object keys(Object map) /*-{
    return Array.from(map.keys());
  }-*/;

  /** The length of an array from {@link #keys}. */
  public static native int length(Object keys) /*-{
    return keys.length;
  }-*/;

  /** Element {@code index} of an array from {@link #keys}. */
  public static native Object at(Object keys, int index) /*-{
    return keys[index];
  }-*/;
}
