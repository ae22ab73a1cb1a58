package io.vertebra.framework.browser;

/**
 * The browser's {@code setTimeout} and {@code setInterval} for framework code that waits (deferred tasks, the
 * reconnector's back-off). GWT's {@code Timer} wraps the same two calls in more bookkeeping than the framework
 * needs; every app ships these three methods instead.
 */
public final class Timeouts {

  private Timeouts() {
  }

  /** Runs {@code task} once after {@code delayMs}; exceptions go to GWT's handler. Answers the id for cancel. */
  public static native double schedule(Runnable task, int delayMs) /*-{
    return $wnd.setTimeout($entry(function() {
      task.@java.lang.Runnable::run()();
    }), delayMs);
  }-*/;

  /** Runs {@code task} every {@code periodMs} until cancelled. Answers the id for cancel. */
  public static native double repeat(Runnable task, int periodMs) /*-{
    return $wnd.setInterval($entry(function() {
      task.@java.lang.Runnable::run()();
    }), periodMs);
  }-*/;

  /** Cancels a scheduled or repeating task (the browser keeps one list of ids for both); an unknown id is ignored. */
  public static native void cancel(double id) /*-{
    $wnd.clearTimeout(id);
  }-*/;
}
