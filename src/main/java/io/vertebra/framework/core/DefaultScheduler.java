package io.vertebra.framework.core;

import java.util.concurrent.Executors;

/**
 * Where {@link Defer} runs tasks unless told otherwise, JVM edition: one daemon thread, in order. The browser
 * edition (GWT super-source) uses GWT's deferred scheduler.
 */
final class DefaultScheduler {

  private DefaultScheduler() {
  }

  static Defer.Scheduler create() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "vertebra-defer");
      thread.setDaemon(true);
      return thread;
    })::execute;
  }
}
