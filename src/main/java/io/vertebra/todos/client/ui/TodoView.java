package io.vertebra.todos.client.ui;

import com.google.gwt.dom.client.InputElement;
import io.vertebra.framework.core.ChangeOf;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import io.vertebra.todos.client.model.Filter;
import io.vertebra.todos.client.model.Todo;
import io.vertebra.todos.shared.TodoFields;
import java.util.Map;

/**
 * One {@code <li>} of the list: the checkbox toggles, a double-click on the label edits, Enter or leaving the field
 * saves (trimmed; empty deletes), Escape cancels, the cross deletes. A new title from anyone re-renders it, except
 * while it is being edited here (the text being typed is kept); a new state only flips its class and checkbox (a
 * toggle-all of 100 rebuilds no row); a new version alone (the server's answer to a save) changes nothing shown.
 */
final class TodoView extends View {

  private static final int ENTER_KEY = 13;
  private static final int ESCAPE_KEY = 27;

  private final Todo todo;
  private boolean editing;
  private Filter filter = Filter.ALL;

  TodoView(Todo todo) {
    super(new ViewOptions().tagName("li").model(todo));
    this.todo = todo;
    listenTo(todo, "change", ChangeOf.any(TodoFields.TITLE, args -> {
      if (!editing) {
        render();
      }
    }));
    listenTo(todo, "change:" + TodoFields.COMPLETED, args -> showState());
    listenTo(todo, "destroy remove", args -> remove());
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    Map<String, ViewEventHandler> events = new StringMap<>();
    events.put("change .toggle", event -> todo().toggle());
    events.put("dblclick label", event -> edit());
    events.put("click .destroy", event -> todo().destroy(new Options()));
    events.put("keydown .edit", event -> {
      int key = event.nativeEvent().getKeyCode();
      if (key == ENTER_KEY) {
        close();
      } else if (key == ESCAPE_KEY) {
        cancel();
      }
    });
    events.put("blur .edit", event -> close());
    return events;
  }

  @Override
  public TodoView render() {
    html(TodoTemplates.T.item(todo.getTitle()));
    showState();
    return this;
  }

  /** Completed or not: the checkbox, the class, and whether the route's filter shows the row. */
  private void showState() {
    boolean completed = todo.isCompleted();
    toggle().setChecked(completed);
    setClass("completed", completed);
    applyFilter();
  }

  /** Shows or hides this todo for {@code filter} (the route's). */
  void setFilter(Filter filter) {
    this.filter = filter;
    applyFilter();
  }

  private void applyFilter() {
    setClass("hidden", !filter.shows(todo.isCompleted()));
  }

  private void edit() {
    editing = true;
    setClass("editing", true);
    InputElement input = input();
    input.setValue(todo.getTitle());
    input.focus();
  }

  /** Enter or blur: saves the trimmed title (an empty one deletes the todo). */
  private void close() {
    if (!editing) {
      return;
    }
    editing = false;
    String value = input().getValue();
    setClass("editing", false);
    todo.rename(value);
    render();
  }

  /** Escape: leaves editing and discards what was typed. */
  private void cancel() {
    if (!editing) {
      return;
    }
    editing = false;
    setClass("editing", false);
    render();
  }

  /** The model (also from {@link #events()}, which the View constructor calls before the fields are set). */
  private Todo todo() {
    return (Todo) model();
  }

  private InputElement input() {
    return findFirst(".edit").cast();
  }

  private InputElement toggle() {
    return findFirst(".toggle").cast();
  }

  private void setClass(String name, boolean on) {
    if (on) {
      el().addClassName(name);
    } else {
      el().removeClassName(name);
    }
  }
}
