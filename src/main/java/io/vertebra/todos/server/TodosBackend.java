package io.vertebra.todos.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.server.ModuleContext;
import io.vertebra.kit.web.CrossSiteGuard;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.todos.shared.TodoApi;
import java.time.Clock;

/**
 * TodoMVC's server part, installed as a server kit module: {@code /api/todos} on the server's database and realtime
 * service (docs/todos.md). The page and the compiled client are static files ({@code war/todos/},
 * {@code war/todomvc/}).
 */
public final class TodosBackend {

  /** The largest request body: a todo is a title of at most 500 characters. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  private TodosBackend() {
  }

  /**
   * Installs {@code /api/todos} on the server's database (its table is created on first use), triggering through
   * the server's realtime client.
   */
  public static void install(ModuleContext context) {
    ObjectMapper mapper = new ObjectMapper();
    TodoJson json = new TodoJson(mapper);
    TodoStore store = new TodoStore(context.database(), Clock.systemUTC());
    EventTrigger events = context.events();
    TodosServlet servlet = new TodosServlet(mapper, store, json, new JsonBodies(mapper, MAX_BODY_BYTES),
        new TodoEvents(events, json));
    // No cookie here, but the list is the team's: writes from another site's page are refused all the same.
    for (String path : new String[] {TodoApi.TODOS_PATH, TodoApi.TODOS_PATH + "/*"}) {
      context.filter(path, new CrossSiteGuard());
    }
    context.serve(TodoApi.TODOS_PATH + "/*", servlet);
  }
}
