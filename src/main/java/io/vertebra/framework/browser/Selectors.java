package io.vertebra.framework.browser;

import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.NodeList;
import java.util.ArrayList;
import java.util.List;

/**
 * The DOM's CSS selector API ({@code Element.matches}, {@code closest}, {@code querySelector},
 * {@code querySelectorAll}), which GWT's DOM classes lack. An invalid selector throws the browser's
 * {@code SyntaxError} as a {@code JavaScriptException}.
 */
public final class Selectors {

  private Selectors() {
  }

  /** Whether {@code element} matches the CSS {@code selector}. */
  public static native boolean matches(Element element, String selector) /*-{
    return element.matches(selector);
  }-*/;

  /** The nearest of {@code element} and its ancestors that matches {@code selector}, or null. */
  public static native Element closest(Element element, String selector) /*-{
    return element.closest(selector);
  }-*/;

  /** The first descendant of {@code root} that matches {@code selector}, or null. */
  public static native Element querySelector(Element root, String selector) /*-{
    return root.querySelector(selector);
  }-*/;

  /** Every descendant of {@code root} that matches {@code selector}, in document order. */
  public static List<Element> querySelectorAll(Element root, String selector) {
    NodeList<Element> nodes = queryAll(root, selector);
    List<Element> found = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add(nodes.getItem(i));
    }
    return found;
  }

  private static native NodeList<Element> queryAll(Element root, String selector) /*-{
    return root.querySelectorAll(selector);
  }-*/;
}
