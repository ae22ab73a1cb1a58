package io.vertebra.framework.view;

import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.NativeEvent;

/**
 * A DOM event as a {@link View}'s delegated handler sees it, like jQuery's event object in Backbone:
 * {@link #target()} is where it happened, {@link #currentTarget()} the element the selector matched (the view's
 * element for selector-less handlers), {@link #delegateTarget()} the view's element.
 */
public final class ViewEvent {

  private final NativeEvent nativeEvent;
  private final Element target;
  private final Element currentTarget;
  private final Element delegateTarget;
  private final Dispatch dispatch;

  ViewEvent(NativeEvent nativeEvent, Element target, Element currentTarget, Element delegateTarget,
      Dispatch dispatch) {
    this.nativeEvent = nativeEvent;
    this.target = target;
    this.currentTarget = currentTarget;
    this.delegateTarget = delegateTarget;
    this.dispatch = dispatch;
  }

  /** The browser's event. */
  public NativeEvent nativeEvent() {
    return nativeEvent;
  }

  /** The event type, e.g. "click". */
  public String type() {
    return nativeEvent.getType();
  }

  /** The element the event happened on (the innermost one). */
  public Element target() {
    return target;
  }

  /** The element that matched the handler's selector (the view's element when there was no selector). */
  public Element currentTarget() {
    return currentTarget;
  }

  /** The view's element, where the single delegating listener sits. */
  public Element delegateTarget() {
    return delegateTarget;
  }

  /** Prevents the browser's default action (following a link, submitting a form). */
  public void preventDefault() {
    nativeEvent.preventDefault();
  }

  /**
   * Stops the event: no further ancestors (inside the view or above it) get it. Handlers already chosen for the
   * same element still run, as with jQuery.
   */
  public void stopPropagation() {
    nativeEvent.stopPropagation();
    dispatch.stopped = true;
  }

  /** Whether {@link #stopPropagation()} was called during this dispatch. */
  public boolean isPropagationStopped() {
    return dispatch.stopped;
  }

  /** Shared state of one event's walk through the view's element tree. */
  static final class Dispatch {
    boolean stopped;
  }
}
