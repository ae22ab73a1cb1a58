package io.vertebra.todos.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.web.CrossSiteGuard;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.todos.shared.TodoApi;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * TodoMVC's server part: {@code /api/todos} on the app's database and realtime service (docs/todos.md). The page
 * and the compiled client are static files ({@code war/todos/}, {@code war/todomvc/}).
 */
public final class TodosBackend {

  /** The largest request body: a todo is a title of at most 500 characters. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  private TodosBackend() {
  }

  /** Installs {@code /api/todos} on {@code database} (its table is created on first use), triggering through {@code events}. */
  public static void install(ServletContextHandler context, Database database, EventTrigger events) {
    ObjectMapper mapper = new ObjectMapper();
    TodoJson json = new TodoJson(mapper);
    TodoStore store = new TodoStore(database, Clock.systemUTC());
    TodosServlet servlet = new TodosServlet(mapper, store, json, new JsonBodies(mapper, MAX_BODY_BYTES),
        new TodoEvents(events, json));
    // No cookie here, but the list is the team's: writes from another site's page are refused all the same.
    for (String path : new String[] {TodoApi.TODOS_PATH, TodoApi.TODOS_PATH + "/*"}) {
      context.addFilter(new FilterHolder(new CrossSiteGuard()), path, EnumSet.of(DispatcherType.REQUEST));
    }
    context.addServlet(new ServletHolder("todos", servlet), TodoApi.TODOS_PATH + "/*");
  }
}
