package io.vertebra.framework.core;

/**
 * Runs a task after the current code has returned, as Underscore's {@code _.defer}: Backbone defers the success of
 * {@code destroy()} on a model that was never saved. In the browser, deferred tasks run on the page's one thread
 * after a timeout of 1 ms, as {@code _.defer} runs them; on the JVM, which has no event loop, they run in order on
 * one daemon thread, unless the application sets a scheduler of its own (a UI thread's executor, a test's queue).
 */
public final class Defer {

  /** Where deferred tasks run. */
  @FunctionalInterface
  public interface Scheduler {
    /** Runs {@code task} later, after the caller has returned. */
    void schedule(Runnable task);
  }

  private static Scheduler scheduler;

  private Defer() {
  }

  /** Runs {@code task} later. */
  public static void run(Runnable task) {
    if (scheduler == null) {
      scheduler = DefaultScheduler.create();
    }
    scheduler.schedule(task);
  }

  /** Replaces where deferred tasks run (null: the platform's default); returns the previous scheduler. */
  public static Scheduler setScheduler(Scheduler newScheduler) {
    Scheduler previous = scheduler;
    scheduler = newScheduler;
    return previous;
  }
}
