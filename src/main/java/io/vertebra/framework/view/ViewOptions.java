package io.vertebra.framework.view;

import com.google.gwt.dom.client.Element;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.StringMap;
import java.util.Map;

/**
 * What a {@link View} is built with, as Backbone's view options: model, collection, an existing element or how
 * to create one (tag name, id, class name, attributes), an events map, and any option of the application's own
 * for {@code preinitialize}/{@code initialize} ({@link #set}). Everything is optional; values given here win over
 * the view's own {@code tagName()}, {@code className()}, {@code attributes()} and {@code events()}.
 *
 * <pre>{@code
 * new PostView(new ViewOptions().model(post).className("post selected"));
 * }</pre>
 */
public class ViewOptions {

  Model model;
  Collection<?> collection;
  Element el;
  String tagName;
  String id;
  String className;
  Map<String, String> attributes;
  /** Null unless events were given: then they replace the view's {@code events()}. */
  Map<String, ViewEventHandler> events;
  private final Map<String, Object> custom = new StringMap<>();

  /** The model the view shows. */
  public ViewOptions model(Model value) {
    this.model = value;
    return this;
  }

  /** The collection the view shows. */
  public ViewOptions collection(Collection<?> value) {
    this.collection = value;
    return this;
  }

  /** An existing element to use instead of creating one (tag name, id, class and attributes are then ignored). */
  public ViewOptions el(Element value) {
    this.el = value;
    return this;
  }

  /** The tag of the element to create. */
  public ViewOptions tagName(String value) {
    this.tagName = value;
    return this;
  }

  /** The id of the element to create. */
  public ViewOptions id(String value) {
    this.id = value;
    return this;
  }

  /** The class attribute of the element to create (space-separated class names). */
  public ViewOptions className(String value) {
    this.className = value;
    return this;
  }

  /** Attributes of the element to create. */
  public ViewOptions attributes(Map<String, String> value) {
    this.attributes = value;
    return this;
  }

  /**
   * Adds an entry ("click .save" → handler) to the events map of this view, which replaces the one the view
   * declares in {@code events()}.
   */
  public ViewOptions event(String key, ViewEventHandler handler) {
    if (events == null) {
      events = new StringMap<>();
    }
    events.put(key, handler);
    return this;
  }

  /** Sets an option of the application's own, for the view's {@code preinitialize} and {@code initialize}. */
  public ViewOptions set(String key, Object value) {
    custom.put(key, value);
    return this;
  }

  /** An option set with {@link #set}, or null. */
  public Object get(String key) {
    return custom.get(key);
  }
}
