package io.vertebra.todos.client.ui;

import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.InputElement;
import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.view.OncePerTurn;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import io.vertebra.todos.client.model.Filter;
import io.vertebra.todos.client.model.Todo;
import io.vertebra.todos.client.model.Todos;
import java.util.List;
import java.util.Map;

/**
 * The whole app on the host page's {@code <section class="todoapp">}: the new-todo field, the list (one
 * {@link TodoView} per todo, in the collection's order), "Mark all as complete" and the footer (counter, filters,
 * "Clear completed"). {@code .main} and {@code .footer} are hidden while the list is empty.
 */
public final class TodoAppView extends View {

  private static final int ENTER_KEY = 13;

  private final Map<String, TodoView> items = new StringMap<>();
  private Filter filter = Filter.ALL;

  /** Binds to {@code section} and renders {@code todos} as they arrive. */
  public TodoAppView(Element section, Todos todos) {
    super(new ViewOptions().el(section).collection(todos));
    listenTo(todos, "add", args -> insert((Todo) args[0]));
    listenTo(todos, "reset sort", args -> renderItems());
    // Toggle-all changes 100 todos at once: one footer render for the burst, not one per change:completed.
    OncePerTurn chrome = oncePerTurn(this::renderChrome);
    listenTo(todos, "update reset change:completed", args -> chrome.request());
    // A todo's view removes itself; forget it here too.
    listenTo(todos, "remove", args -> items.remove(((Model) args[0]).getCid()));
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    Map<String, ViewEventHandler> events = new StringMap<>();
    events.put("keydown .new-todo", event -> {
      if (event.nativeEvent().getKeyCode() == ENTER_KEY) {
        createTodo(event.currentTarget().cast());
      }
    });
    events.put("change .toggle-all", event -> todos().toggleAll(((InputElement) event.currentTarget().cast())
        .isChecked()));
    events.put("click .clear-completed", event -> todos().clearCompleted());
    return events;
  }

  @Override
  public TodoAppView render() {
    renderItems();
    renderChrome();
    return this;
  }

  /** Shows the todos {@code filter} selects, and highlights its link. */
  public void setFilter(Filter filter) {
    this.filter = filter;
    for (TodoView item : items.values()) {
      item.setFilter(filter);
    }
    renderChrome();
  }

  /** Puts the keyboard in the new-todo field (the spec: focused on load). */
  public void focusNewTodo() {
    newTodo().focus();
  }

  private void createTodo(InputElement field) {
    String title = field.getValue();
    if (title.trim().isEmpty()) {
      return;
    }
    field.setValue("");
    // Saved before it shows (wait), so it lands in order with its id; a failed save gives the text back.
    todos().createTitled(title, new Options().error((target, response, options) -> {
      if (field.getValue().isEmpty()) {
        field.setValue(title);
      }
    }));
  }

  /** Puts the items in the collection's order, keeping the views (and elements) of todos still there. */
  private void renderItems() {
    Element list = findFirst(".todo-list");
    Map<String, TodoView> kept = new StringMap<>();
    for (Todo todo : todos()) {
      TodoView item = items.get(todo.getCid());
      if (item == null) {
        item = view(todo);
      }
      kept.put(todo.getCid(), item);
      list.appendChild(item.el());
    }
    for (Map.Entry<String, TodoView> entry : items.entrySet()) {
      if (!kept.containsKey(entry.getKey())) {
        entry.getValue().remove();
      }
    }
    items.clear();
    items.putAll(kept);
  }

  /** Adds a todo's view before the view of the todo that follows it in the collection. */
  private void insert(Todo todo) {
    List<Todo> order = todos().toList();
    int index = order.indexOf(todo);
    TodoView next = index >= 0 && index + 1 < order.size() ? items.get(order.get(index + 1).getCid()) : null;
    Element list = findFirst(".todo-list");
    list.insertBefore(view(todo).el(), next == null ? null : next.el());
  }

  private TodoView view(Todo todo) {
    TodoView item = new TodoView(todo);
    item.setFilter(filter);
    items.put(todo.getCid(), item.render());
    return item;
  }

  /** Everything but the items: visibility of main and footer, the toggle-all state, the footer's content. */
  private void renderChrome() {
    Todos todos = todos();
    boolean any = todos.length() > 0;
    show(findFirst(".main"), any);
    Element footer = findFirst(".footer");
    show(footer, any);
    ((InputElement) findFirst(".toggle-all").cast()).setChecked(todos.allCompleted());
    int remaining = todos.remaining();
    SafeHtmlBuilder html = new SafeHtmlBuilder()
        .append(TodoTemplates.T.footer(remaining, Wording.items(remaining), filters()));
    if (todos.completedCount() > 0) {
      html.append(TodoTemplates.T.clearCompleted());
    }
    footer.setInnerSafeHtml(html.toSafeHtml());
  }

  private com.google.gwt.safehtml.shared.SafeHtml filters() {
    SafeHtmlBuilder links = new SafeHtmlBuilder();
    for (Filter each : Filter.values()) {
      links.append(each == filter ? TodoTemplates.T.selectedFilter(each.route(), each.label())
          : TodoTemplates.T.filter(each.route(), each.label()));
    }
    return links.toSafeHtml();
  }

  private InputElement newTodo() {
    return findFirst(".new-todo").cast();
  }

  @SuppressWarnings("unchecked")
  private Todos todos() {
    return (Todos) collection();
  }

  private static void show(Element element, boolean visible) {
    if (visible) {
      element.getStyle().clearDisplay();
    } else {
      // Not setDisplay(Style.Display.NONE): that enum's 19 constants would all ship (~0.4 KB gzip).
      element.getStyle().setProperty("display", "none");
    }
  }
}
