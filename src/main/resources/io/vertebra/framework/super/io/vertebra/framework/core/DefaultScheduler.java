package io.vertebra.framework.core;

import com.google.gwt.core.client.Scheduler;

/**
 * Where {@link Defer} runs tasks unless told otherwise, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/core/DefaultScheduler.java): after the current event, as {@code _.defer}.
 */
final class DefaultScheduler {

  private DefaultScheduler() {
  }

  static Defer.Scheduler create() {
    return task -> Scheduler.get().scheduleDeferred(task::run);
  }
}
