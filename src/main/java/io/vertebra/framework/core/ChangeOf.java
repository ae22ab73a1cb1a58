package io.vertebra.framework.core;

import java.util.List;

/**
 * A {@code "change"} listener that only passes the change rounds in which one of the named attributes changed: a
 * view that shows a todo's title and state re-renders for those, not when the server's answer to a save brings
 * only a new {@code version} or {@code updatedAt}. Backbone's idiom {@code if (model.hasChanged('title'))} inside
 * the listener, as one reusable callback; the round is judged by {@link Model#hasChanged(String)}, so several of
 * the attributes changing at once still give one call.
 *
 * <pre>{@code
 * listenTo(todo, "change", ChangeOf.any("title completed", args -> render()));
 * }</pre>
 */
public final class ChangeOf implements Callback {

  private final List<String> attributes;
  private final Callback callback;

  private ChangeOf(List<String> attributes, Callback callback) {
    this.attributes = attributes;
    this.callback = callback;
  }

  /**
   * Wraps {@code callback} (bound to a model's {@code "change"}) to run only when one of {@code attributes}
   * (space-separated names) changed in the round.
   */
  public static ChangeOf any(String attributes, Callback callback) {
    if (callback == null) {
      throw new IllegalArgumentException("ChangeOf needs a callback");
    }
    String names = attributes == null ? "" : attributes.trim();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("ChangeOf needs at least one attribute name");
    }
    return new ChangeOf(EventNames.split(names), callback);
  }

  /** Called with {@code "change"}'s arguments {@code (model, options)}. */
  @Override
  public void call(Object... args) {
    Object subject = args.length > 0 ? args[0] : null;
    if (!(subject instanceof Model)) {
      return;
    }
    Model model = (Model) subject;
    for (String attr : attributes) {
      if (model.hasChanged(attr)) {
        callback.call(args);
        return;
      }
    }
  }
}
