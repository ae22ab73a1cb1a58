package io.vertebra.framework.core;

import io.vertebra.framework.browser.Timeouts;

/**
 * Where {@link Defer} runs tasks unless told otherwise, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/core/DefaultScheduler.java): a timeout of 1 ms, exactly {@code _.defer}.
 */
final class DefaultScheduler {

  private DefaultScheduler() {
  }

  static Defer.Scheduler create() {
    return task -> Timeouts.schedule(task, 1);
  }
}
