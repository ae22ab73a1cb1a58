package io.vertebra.framework.view;

import io.vertebra.framework.core.Defer;

/**
 * Where {@link EndOfTurn} runs tasks unless told otherwise, JVM edition: at once (the JVM has no event loop to wait
 * for). The browser edition (GWT super-source) queues a microtask.
 */
final class DefaultEndOfTurn {

  private DefaultEndOfTurn() {
  }

  static Defer.Scheduler create() {
    return Runnable::run;
  }
}
