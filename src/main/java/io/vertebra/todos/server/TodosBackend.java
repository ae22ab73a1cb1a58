package io.vertebra.todos.server;

import io.vertebra.kit.live.LiveResources;
import io.vertebra.kit.live.LiveServices;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.store.Database;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * TodoMVC's server part: the {@link Todos} live resource at {@code /api/todos} on the app's database and realtime
 * service, with its two bulk operations ({@link TodoBulk}; docs/todos.md). No sign-in: the list is the team's;
 * browser writes from other sites' pages are refused by the kit's cross-site guard. The page and the compiled
 * client are static files ({@code war/todos/}, {@code war/todomvc/}).
 */
public final class TodosBackend {

  /** The largest request body: a todo is a title of at most 500 characters. */
  public static final int MAX_BODY_BYTES = Todos.MAX_BODY_BYTES;

  private TodosBackend() {
  }

  /** Installs {@code /api/todos} on {@code database} (table created or migrated), triggering through {@code events}. */
  public static void install(ServletContextHandler context, Database database, EventTrigger events) {
    LiveResources.install(context, LiveServices.of(database, events), Todos.RESOURCE, new TodoBulk());
  }
}
