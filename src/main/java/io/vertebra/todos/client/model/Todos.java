package io.vertebra.todos.client.model;

import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.core.Sync;
import io.vertebra.framework.core.SyncCallback;
import io.vertebra.todos.shared.TodoApi;
import io.vertebra.todos.shared.TodoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The team's todo list, oldest first (creation time, then id), so a new todo lands at the bottom wherever it was
 * created. Toggle-all and clear-completed change the list at once and are ONE request each (and one realtime event
 * for the other browsers), not one per todo.
 */
public class Todos extends Collection<Todo> {

  public Todos() {
    super((attrs, options) -> new Todo(attrs, options));
    setUrl(TodoApi.TODOS_PATH);
    setComparator((a, b) -> {
      int byTime = a.getCreatedAt().compareTo(b.getCreatedAt());
      return byTime != 0 ? byTime : Double.compare(id(a), id(b));
    });
  }

  /** How many todos are not completed. */
  public int remaining() {
    return length() - completedCount();
  }

  /** How many todos are completed. */
  public int completedCount() {
    int count = 0;
    for (Todo todo : this) {
      if (todo.isCompleted()) {
        count++;
      }
    }
    return count;
  }

  /** Whether there are todos and all of them are completed (the toggle-all checkbox's state). */
  public boolean allCompleted() {
    return length() > 0 && remaining() == 0;
  }

  /** Creates a todo at the bottom with a trimmed title; does nothing for a blank one. */
  public Todo createTitled(String title, Options options) {
    String trimmed = title == null ? "" : title.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    Map<String, Object> attrs = new StringMap<>();
    attrs.put(TodoFields.TITLE, trimmed);
    attrs.put(TodoFields.COMPLETED, false);
    return create(attrs, new Options().putAll(options).waitForServer(true));
  }

  /** Marks every todo {@code completed} (or not) now, then saves it with one request. */
  public void toggleAll(boolean completed) {
    Map<String, Object> change = new StringMap<>();
    change.put(TodoFields.COMPLETED, completed);
    for (Todo todo : toList()) {
      todo.set(change, new Options());
    }
    sync(Sync.PATCH, new Options().attrs(change).success(this::takeRecords).error(resync()));
  }

  /** Removes the completed todos now, then deletes them on the server with one request. */
  public void clearCompleted() {
    List<Todo> done = new ArrayList<>();
    for (Todo todo : this) {
      if (todo.isCompleted()) {
        done.add(todo);
      }
    }
    if (done.isEmpty()) {
      return;
    }
    remove(done, new Options());
    sync(Sync.DELETE, new Options().url(TodoApi.TODOS_PATH + "?" + TodoApi.COMPLETED_QUERY + "=true")
        .error(resync()));
  }

  /** The toggle-all answer: each changed todo's new version. */
  @SuppressWarnings("unchecked")
  private void takeRecords(Object target, Object response, Options options) {
    Object records = response instanceof Map ? ((Map<String, Object>) response).get(TodoFields.RECORDS) : null;
    if (!(records instanceof List)) {
      return;
    }
    for (Object record : (List<Object>) records) {
      Todo todo = record instanceof Map ? get(record) : null;
      if (todo != null) {
        todo.set((Map<String, Object>) record, new Options());
      }
    }
  }

  /** A failed bulk write: show what the server has. */
  private SyncCallback resync() {
    return (target, response, options) -> fetch(new Options());
  }

  private static double id(Todo todo) {
    Double id = todo.getDouble(TodoFields.ID);
    return id == null ? Double.MAX_VALUE : id;
  }
}
