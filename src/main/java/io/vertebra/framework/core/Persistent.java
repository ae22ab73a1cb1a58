package io.vertebra.framework.core;

import java.util.Map;

/**
 * Something that loads, saves and destroys itself through its {@link Sync}: Backbone's {@code fetch},
 * {@code save} and {@code destroy} with their argument shortcuts. Each returns the {@link SyncRequest} in flight
 * (Backbone returns the xhr), whose {@code abort()} stops it, or null when nothing was sent (Backbone's
 * {@code false}): a save that failed validation, the destroy of a model never saved.
 */
public interface Persistent {

  /** Loads from the server and sets the parsed response; see {@link Model#fetch(Options)}. */
  SyncRequest fetch(Options options);

  /** Sets {@code attrs} and saves; see {@link Model#save(Map, Options)}. */
  SyncRequest save(Map<String, ?> attrs, Options options);

  /** Destroys on the server; see {@link Model#destroy(Options)}. */
  SyncRequest destroy(Options options);

  /** Loads from the server (GET) and sets the parsed response. */
  default SyncRequest fetch() {
    return fetch(null);
  }

  /** Saves (POST when new, else PUT); null when validation fails. */
  default SyncRequest save() {
    return save((Map<String, ?>) null, null);
  }

  /** Saves with options ({@code wait}, {@code patch}, {@code validate}, callbacks...). */
  default SyncRequest save(Options options) {
    return save((Map<String, ?>) null, options);
  }

  /** Sets one attribute and saves. */
  default SyncRequest save(String attr, Object value) {
    return save(attr, value, null);
  }

  /** Sets one attribute and saves, with options. */
  default SyncRequest save(String attr, Object value, Options options) {
    Map<String, Object> attrs = new StringMap<>();
    attrs.put(attr, value);
    return save(attrs, options);
  }

  /** Sets attributes and saves. */
  default SyncRequest save(Map<String, ?> attrs) {
    return save(attrs, null);
  }

  /** Destroys on the server (and fires {@code "destroy"}). */
  default SyncRequest destroy() {
    return destroy(null);
  }
}
