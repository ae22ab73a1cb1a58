package io.vertebra.framework.view;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An {@link EndOfTurn.Scheduler} for tests: end-of-turn tasks wait in a queue until the test ends the turn with
 * {@link #flush()}, the JVM's stand-in for the browser returning from an event handler.
 */
public final class EndOfTurnQueue implements EndOfTurn.Scheduler {

  private final Deque<Runnable> tasks = new ArrayDeque<>();
  private EndOfTurn.Scheduler previous;

  /** Makes this queue where {@link EndOfTurn} runs tasks; returns it. */
  public EndOfTurnQueue install() {
    previous = EndOfTurn.setScheduler(this);
    return this;
  }

  /** Restores the scheduler that was set before {@link #install()}. */
  public void uninstall() {
    EndOfTurn.setScheduler(previous);
  }

  @Override
  public void schedule(Runnable task) {
    tasks.add(task);
  }

  /** How many tasks wait. */
  public int pending() {
    return tasks.size();
  }

  /** Runs the waiting tasks in order, and those they schedule in turn, until none is left; returns how many ran. */
  public int flush() {
    int ran = 0;
    while (!tasks.isEmpty()) {
      tasks.poll().run();
      ran++;
    }
    return ran;
  }
}
