package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.Map;

/**
 * The app's views: a framework {@link View} plus the app's one event convention. A click on an element with
 * {@code data-action="x"} (or inside one) calls {@link #onAction}; typing calls {@link #onInput}; a form submit
 * calls {@link #onSubmit} (the browser's own submit is prevented). Subclasses render with SafeHtml templates.
 */
public abstract class AppView extends View {

  private static final String ACTION = "data-action";

  protected AppView(String tag, String className) {
    super(new ViewOptions().tagName(tag).className(className));
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    Map<String, ViewEventHandler> events = new StringMap<>();
    events.put("click [" + ACTION + "]", event -> {
      event.preventDefault();
      onAction(event.currentTarget().getAttribute(ACTION), event.currentTarget());
    });
    events.put("input", event -> onInput(event.target()));
    events.put("submit", event -> {
      event.preventDefault();
      onSubmit(event.target());
    });
    return events;
  }

  @Override
  public abstract AppView render();

  /** The first element inside this view with CSS class {@code className}, or null. */
  protected Element byClass(String className) {
    return findFirst("." + className);
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
}
