package io.vertebra.framework.view;

import com.google.gwt.core.client.Scheduler;

/**
 * Where {@link EndOfTurn} runs tasks unless told otherwise, browser edition (GWT super-source; the JVM edition is
 * src/main/java/io/vertebra/framework/view/DefaultEndOfTurn.java): GWT's {@code scheduleFinally}, run when the
 * outermost {@code $entry} callback returns, before the browser paints. A deferred command backs it up for a request
 * made outside any {@code $entry} (whose finally commands would wait for the next one): whichever comes first runs
 * the task, the other finds it done.
 */
final class DefaultEndOfTurn {

  private DefaultEndOfTurn() {
  }

  static EndOfTurn.Scheduler create() {
    return task -> {
      boolean[] done = new boolean[1];
      Scheduler.ScheduledCommand once = () -> {
        if (!done[0]) {
          done[0] = true;
          task.run();
        }
      };
      Scheduler.get().scheduleFinally(once);
      Scheduler.get().scheduleDeferred(once);
    };
  }
}
