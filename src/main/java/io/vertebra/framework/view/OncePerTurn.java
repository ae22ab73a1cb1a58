package io.vertebra.framework.view;

/**
 * A task that runs once at the end of the current turn however many times it is requested during it, as a Backbone
 * app's {@code _.debounce(this.render, 0)}: a burst of model events (toggle-all's 100 {@code change:completed})
 * costs one render, not one per event. {@link EndOfTurn} decides when the turn ends (in the browser, before it
 * paints; on the JVM, by default, at once).
 *
 * <pre>{@code
 * OncePerTurn footer = oncePerTurn(this::renderFooter);
 * listenTo(todos, "update reset change:completed", args -> footer.request());
 * }</pre>
 */
public final class OncePerTurn {

  private final Runnable task;
  private boolean pending;

  /** Wraps {@code task}; nothing runs until {@link #request()}. */
  public OncePerTurn(Runnable task) {
    if (task == null) {
      throw new IllegalArgumentException("task is required");
    }
    this.task = task;
  }

  /** Asks for one run at the end of the turn; further requests before it runs are absorbed. */
  public void request() {
    if (pending) {
      return;
    }
    pending = true;
    EndOfTurn.run(this::flush);
  }

  /** Runs the task now if a run is pending (its scheduled run then does nothing), e.g. before reading the DOM. */
  public void flush() {
    if (!pending) {
      return;
    }
    // Cleared first: a request made by the task itself asks for a new run instead of being lost.
    pending = false;
    task.run();
  }

  /** Whether a requested run has not happened yet. */
  public boolean pending() {
    return pending;
  }
}
