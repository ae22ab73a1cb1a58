package io.vertebra.framework.core;

import com.google.gwt.user.client.Timer;

/**
 * Where {@link Defer} runs tasks unless told otherwise, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/core/DefaultScheduler.java): a timeout of 1 ms, exactly {@code _.defer}.
 */
final class DefaultScheduler {

  private DefaultScheduler() {
  }

  static Defer.Scheduler create() {
    return task -> new Timer() {
      @Override
      public void run() {
        task.run();
      }
    }.schedule(1);
  }
}
