package io.vertebra.todos.server;

import io.vertebra.kit.live.LiveResources;
import io.vertebra.kit.live.LiveServices;
import io.vertebra.kit.server.ModuleContext;

/**
 * TodoMVC's server part, installed as a server kit module: the {@link Todos} live resource at {@code /api/todos} on
 * the server's database and realtime service, with its two bulk operations ({@link TodoBulk}; docs/todos.md). No
 * sign-in: the list is the team's; browser writes from other sites' pages are refused by the kit's cross-site guard.
 * The page and the compiled client are static files ({@code war/todos/}, {@code war/todomvc/}).
 */
public final class TodosBackend {

  /** The largest request body: a todo is a title of at most 500 characters. */
  public static final int MAX_BODY_BYTES = Todos.MAX_BODY_BYTES;

  private TodosBackend() {
  }

  /** Installs {@code /api/todos} (its table created or migrated from the declaration) into the server being started. */
  public static void install(ModuleContext context) {
    LiveResources.install(context.servlets(),
        new LiveServices(context.database(), context.events(), context.mapper(), context.clock()), Todos.RESOURCE,
        new TodoBulk());
  }
}
