package io.vertebra.framework.browser;

/**
 * The browser's {@code queueMicrotask}: runs a task as soon as the JavaScript now running has returned, before the
 * browser renders or handles the next event, whether or not the caller came in through {@code $entry}.
 */
public final class Microtasks {

  private Microtasks() {
  }

  /** Runs {@code task} once the current JavaScript task has returned; exceptions go to GWT's handler. */
  public static native void queue(Runnable task) /*-{
    $wnd.queueMicrotask($entry(function() {
      task.@java.lang.Runnable::run()();
    }));
  }-*/;
}
