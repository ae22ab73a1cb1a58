package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.EventTarget;
import com.google.gwt.safehtml.shared.SafeHtml;
import com.google.gwt.user.client.DOM;
import com.google.gwt.user.client.Event;
import io.vertebra.framework.core.Events;

/**
 * A small view: one root element, HTML rendered from SafeHtml templates, and delegated DOM events. Clicks on an
 * element with {@code data-action="x"} (or inside one) call {@link #onAction}; {@code input} events call
 * {@link #onInput}; form submits call {@link #onSubmit} (the browser's own submit is prevented).
 * {@link #remove()} detaches it and stops every {@code listenTo}, so followed channels are released.
 *
 * <p>A stand-in for the framework's View (branch {@code router}) until that one is merged.
 */
public abstract class DomView extends Events {

  private static final String ACTION = "data-action";

  private final Element el;

  protected DomView(String tag, String className) {
    el = DOM.createElement(tag);
    el.setClassName(className);
    DOM.sinkEvents(el, Event.ONCLICK);
    DOM.sinkBitlessEvent(el, "input");
    DOM.sinkBitlessEvent(el, "submit");
    DOM.setEventListener(el, this::dispatch);
  }

  /** The root element. */
  public Element element() {
    return el;
  }

  /** Draws the view into its root; returns this. */
  public abstract DomView render();

  /** Detaches the root and stops listening to everything (models, channels, timers owned by subclasses). */
  public void remove() {
    stopListening();
    el.removeFromParent();
  }

  /** Replaces the root's content. */
  protected void setHtml(SafeHtml html) {
    el.setInnerSafeHtml(html);
  }

  /** The first descendant with this CSS class, or null. */
  protected Element find(String className) {
    return findIn(el, className);
  }

  static Element findIn(Element root, String className) {
    for (Element child = root.getFirstChildElement(); child != null; child = child.getNextSiblingElement()) {
      if (child.hasClassName(className)) {
        return child;
      }
      Element found = findIn(child, className);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A click on an element carrying {@code data-action}. */
  protected void onAction(String action, Element target) {
  }

  /** Typing in a field of this view. */
  protected void onInput(Element field) {
  }

  /** A form of this view was submitted. */
  protected void onSubmit(Element form) {
  }

  private void dispatch(Event event) {
    Element target = targetOf(event);
    if (target == null) {
      return;
    }
    switch (event.getType()) {
      case "click":
        Element action = closestAction(target);
        if (action != null) {
          event.preventDefault();
          onAction(action.getAttribute(ACTION), action);
        }
        break;
      case "input":
        onInput(target);
        break;
      case "submit":
        event.preventDefault();
        onSubmit(target);
        break;
      default:
        break;
    }
  }

  private Element closestAction(Element from) {
    for (Element e = from; e != null; e = e.getParentElement()) {
      if (!e.getAttribute(ACTION).isEmpty()) {
        return e;
      }
      if (e == el) {
        return null;
      }
    }
    return null;
  }

  private static Element targetOf(Event event) {
    EventTarget target = event.getEventTarget();
    return target != null && Element.is(target) ? Element.as(target) : null;
  }
}
