package io.vertebra.framework.core;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link Defer.Scheduler} for tests: deferred tasks wait in a queue until the test runs them with
 * {@link #flush()}, the JVM's stand-in for the browser's event loop (Backbone's tests wait for {@code _.defer}
 * with {@code assert.async()}).
 */
public final class DeferQueue implements Defer.Scheduler {

  private final Deque<Runnable> tasks = new ArrayDeque<>();
  private Defer.Scheduler previous;

  /** Makes this queue where {@link Defer} runs tasks; returns it. */
  public DeferQueue install() {
    previous = Defer.setScheduler(this);
    return this;
  }

  /** Restores the scheduler that was set before {@link #install()}. */
  public void uninstall() {
    Defer.setScheduler(previous);
  }

  @Override
  public void schedule(Runnable task) {
    tasks.add(task);
  }

  /** How many tasks wait. */
  public int pending() {
    return tasks.size();
  }

  /** Runs the waiting tasks in order, and those they defer in turn, until none is left; returns how many ran. */
  public int flush() {
    int ran = 0;
    while (!tasks.isEmpty()) {
      tasks.poll().run();
      ran++;
    }
    return ran;
  }
}
