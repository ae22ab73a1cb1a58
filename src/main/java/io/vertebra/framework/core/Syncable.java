package io.vertebra.framework.core;


/** What a {@link Sync} needs from the model or collection it persists: where it lives and what to send. */
public interface Syncable {

  /** The resource URL (for a model with an id, its own URL; for a collection, the list URL). */
  String url();

  /** The JSON-ready representation sent as the request body on create/update. */
  Object toJSON(Options options);

  /** Triggers an event on the target ({@code "request"} when a request starts). */
  Events trigger(String names, Object... args);
}
