package io.vertebra.framework.view;

/** Handles a DOM event delegated by a {@link View} (a value of its events map, or given to {@code delegate}). */
@FunctionalInterface
public interface ViewEventHandler {

  /** Handles one event; {@link ViewEvent#currentTarget()} is the element that matched the selector. */
  void handle(ViewEvent event);
}
