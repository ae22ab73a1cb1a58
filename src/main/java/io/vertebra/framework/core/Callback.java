package io.vertebra.framework.core;

/**
 * A listener for framework events: receives the arguments the event was triggered with, in Backbone's order
 * (for example {@code (model, value, options)} for {@code change:title}).
 *
 * <p>Keep a reference to the callback if you want to remove it later with {@link Events#off(String, Callback)}:
 * two lambdas with the same body are different callbacks.
 */
@FunctionalInterface
public interface Callback {

  /** Handles one event. {@code args} never is {@code null}; it is empty when the event carried no arguments. */
  void call(Object... args);
}
