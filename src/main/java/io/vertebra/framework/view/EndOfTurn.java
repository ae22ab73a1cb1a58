package io.vertebra.framework.view;

import io.vertebra.framework.core.Defer;

/**
 * Runs a task when the code handling the current event has returned, before the browser paints: where a view
 * coalesces a burst of model events into one render ({@link OncePerTurn}). In the browser, a microtask (run once
 * the event handler or network callback now running has returned); on the JVM, which has no event loop, the task
 * runs at once, so JVM code stays synchronous and deterministic, unless a scheduler is set (a test's queue, flushed
 * explicitly). Its scheduler has the same shape as {@link Defer}'s, so one test queue serves both.
 */
public final class EndOfTurn {

  private static Defer.Scheduler scheduler;

  private EndOfTurn() {
  }

  /** Runs {@code task} at the end of the current turn. */
  public static void run(Runnable task) {
    if (scheduler == null) {
      scheduler = DefaultEndOfTurn.create();
    }
    scheduler.schedule(task);
  }

  /** Replaces where end-of-turn tasks run (null: the platform's default); returns the previous scheduler. */
  public static Defer.Scheduler setScheduler(Defer.Scheduler newScheduler) {
    Defer.Scheduler previous = scheduler;
    scheduler = newScheduler;
    return previous;
  }
}
