package io.vertebra.framework.core;

/**
 * A persistence call in flight, as {@code fetch}, {@code save} and {@code destroy} return it (Backbone returns the
 * xhr): {@link #abort()} stops it. The {@link Sync} that performs the call says how to stop it with
 * {@link #onAbort}; {@code RestSync} stops the HTTP exchange and reports the error {@code "abort"}, as an aborted
 * xhr does, so the caller's error callback and the {@code error} event still run once. A Sync that cannot stop a
 * request (a synchronous one, for example) leaves {@code abort()} without effect.
 */
public final class SyncRequest {

  private Runnable abortAction;
  private boolean aborted;
  private boolean finished;

  /** Stops the request unless it already finished or was aborted. */
  public void abort() {
    if (aborted || finished) {
      return;
    }
    aborted = true;
    if (abortAction != null) {
      abortAction.run();
    }
  }

  /** Whether {@link #abort()} stopped the request. */
  public boolean isAborted() {
    return aborted;
  }

  /** Whether the request finished (answered, failed or aborted). */
  public boolean isFinished() {
    return finished || aborted;
  }

  /** For {@link Sync} implementations: what {@link #abort()} runs while the request is in flight. */
  public void onAbort(Runnable action) {
    this.abortAction = action;
  }

  /** For {@link Sync} implementations: the request got its answer; a later {@link #abort()} does nothing. */
  public void finish() {
    finished = true;
  }
}
