package io.vertebra.framework.view;

import io.vertebra.framework.browser.Microtasks;

/**
 * Where {@link EndOfTurn} runs tasks unless told otherwise, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/view/DefaultEndOfTurn.java): a microtask, run as soon as the event handler
 * (or network callback) now running has returned and before the browser paints.
 */
final class DefaultEndOfTurn {

  private DefaultEndOfTurn() {
  }

  static EndOfTurn.Scheduler create() {
    return Microtasks::queue;
  }
}
