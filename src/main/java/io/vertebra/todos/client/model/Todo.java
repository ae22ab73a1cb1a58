package io.vertebra.todos.client.model;

import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.todos.shared.TodoApi;
import io.vertebra.todos.shared.TodoFields;
import java.util.Map;

/**
 * One todo, {@code {id, title, completed, version, createdAt, updatedAt}}. Every write names the version it was
 * made on: when someone else wrote the todo meanwhile the server answers 409 with its current record, which this
 * model then takes, so an acknowledged write is never overwritten by a stale one.
 */
public class Todo extends Model {

  /** A todo with these attributes (as the API or a realtime event gives them). */
  public Todo(Map<String, ?> attributes, Options options) {
    super(attributes, options);
  }

  @Override
  public String urlRoot() {
    return TodoApi.TODOS_PATH;
  }

  public String getTitle() {
    String title = getString(TodoFields.TITLE);
    return title == null ? "" : title;
  }

  public boolean isCompleted() {
    return Boolean.TRUE.equals(get(TodoFields.COMPLETED));
  }

  /** The server's version (0 while unsaved); a double, as JSON numbers are in the browser. */
  public double getVersion() {
    Double version = getDouble(TodoFields.VERSION);
    return version == null ? 0 : version;
  }

  /** ISO-8601 creation time, or "" while unsaved. */
  public String getCreatedAt() {
    String createdAt = getString(TodoFields.CREATED_AT);
    return createdAt == null ? "" : createdAt;
  }

  /** Flips {@code completed} at once and saves it. */
  public void toggle() {
    write(TodoFields.COMPLETED, !isCompleted());
  }

  /**
   * Saves a new title, trimmed; an empty one destroys the todo (the spec's rule for editing). Returns false when
   * nothing changed.
   */
  public boolean rename(String title) {
    String trimmed = title == null ? "" : title.trim();
    if (trimmed.isEmpty()) {
      destroy(new Options());
      return true;
    }
    if (trimmed.equals(getTitle())) {
      return false;
    }
    write(TodoFields.TITLE, trimmed);
    return true;
  }

  /** Sets one attribute now and PATCHes it with the version it was made on. */
  private void write(String attr, Object value) {
    Map<String, Object> attrs = new StringMap<>();
    attrs.put(attr, value);
    if (!isNew()) {
      attrs.put(TodoFields.VERSION, getVersion());
    }
    save(attrs, new Options().patch(true).error((target, response, options) -> takeCurrent(response)));
  }

  /** After a 409, the record as the server holds it (someone else's acknowledged write) replaces ours. */
  @SuppressWarnings("unchecked")
  void takeCurrent(Object response) {
    if (response instanceof SyncError && ((SyncError) response).getStatus() == 409) {
      Map<String, Object> json = ((SyncError) response).getJson();
      Object current = json == null ? null : json.get(TodoApi.CURRENT);
      if (current instanceof Map) {
        set((Map<String, Object>) current, new Options());
        return;
      }
    }
    // Anything else (offline, 5xx): show what the server has.
    if (!isNew()) {
      fetch(new Options());
    }
  }

  @Override
  protected Object validate(Map<String, Object> attrs, Options options) {
    Object title = attrs.get(TodoFields.TITLE);
    if (!(title instanceof String) || ((String) title).trim().isEmpty()) {
      return "A todo needs a title.";
    }
    return ((String) title).length() > TodoFields.TITLE_MAX_LENGTH
        ? "The title is longer than " + TodoFields.TITLE_MAX_LENGTH + " characters." : null;
  }
}
