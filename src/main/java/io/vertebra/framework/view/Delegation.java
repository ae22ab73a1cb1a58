package io.vertebra.framework.view;

/**
 * One entry of a view's delegated events: DOM event type, CSS selector ("" for the view's element itself) and
 * handler. Parses Backbone's "event selector" keys.
 */
final class Delegation {

  final String eventName;
  final String selector;
  final ViewEventHandler handler;

  Delegation(String eventName, String selector, ViewEventHandler handler) {
    this.eventName = eventName;
    this.selector = selector == null ? "" : selector.trim();
    this.handler = handler;
  }

  /** Parses "click .save button" into event "click" and selector ".save button" (Backbone's delegateEventSplitter). */
  static Delegation parse(String key, ViewEventHandler handler) {
    String trimmed = key == null ? "" : key.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("An events map key needs an event name: \"" + key + "\"");
    }
    int space = firstWhitespace(trimmed);
    if (space < 0) {
      return new Delegation(trimmed, "", handler);
    }
    return new Delegation(trimmed.substring(0, space), trimmed.substring(space + 1), handler);
  }

  /**
   * The DOM event to listen to: focus and blur do not bubble, so delegated ones listen to focusin/focusout
   * (as jQuery does).
   */
  String domType() {
    if (selector.isEmpty()) {
      return eventName;
    }
    if ("focus".equals(eventName)) {
      return "focusin";
    }
    if ("blur".equals(eventName)) {
      return "focusout";
    }
    return eventName;
  }

  /** Whether this entry is selected by an undelegate call (null arguments match anything). */
  boolean matches(String name, String sel, ViewEventHandler h) {
    return (name == null || name.equals(eventName))
        && (sel == null || sel.trim().equals(selector))
        && (h == null || h == handler);
  }

  private static int firstWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
