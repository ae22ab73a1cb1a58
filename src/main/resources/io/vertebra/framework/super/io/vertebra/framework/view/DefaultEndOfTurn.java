package io.vertebra.framework.view;

import io.vertebra.framework.browser.Microtasks;
import io.vertebra.framework.core.Defer;

/**
 * Where {@link EndOfTurn} runs tasks unless told otherwise, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/view/DefaultEndOfTurn.java): a microtask, run as soon as the event handler
 * (or network callback) now running has returned and before the browser paints.
 */
final class DefaultEndOfTurn {

  private DefaultEndOfTurn() {
  }

  static Defer.Scheduler create() {
    return Microtasks::queue;
  }
}
