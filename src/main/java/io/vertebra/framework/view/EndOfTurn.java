package io.vertebra.framework.view;

/**
 * Runs a task when the code handling the current event has returned, before the browser paints: where a view
 * coalesces a burst of model events into one render ({@link OncePerTurn}). In the browser, a microtask (run once
 * the event handler or network callback now running has returned); on the JVM, which has no event loop, the task
 * runs at once, so JVM code stays synchronous and deterministic, unless a scheduler is set (a test's queue, flushed
 * explicitly).
 */
public final class EndOfTurn {

  /** Where end-of-turn tasks run. */
  @FunctionalInterface
  public interface Scheduler {
    /** Runs {@code task} once the current turn's code has returned (or now, where there are no turns). */
    void schedule(Runnable task);
  }

  private static Scheduler scheduler;

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
  public static Scheduler setScheduler(Scheduler newScheduler) {
    Scheduler previous = scheduler;
    scheduler = newScheduler;
    return previous;
  }
}
