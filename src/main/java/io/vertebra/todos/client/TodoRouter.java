package io.vertebra.todos.client;

import io.vertebra.framework.router.History;
import io.vertebra.framework.router.RouteCallback;
import io.vertebra.framework.router.Router;
import io.vertebra.framework.router.Routes;
import io.vertebra.todos.client.model.Filter;
import io.vertebra.todos.client.ui.TodoAppView;

/** The spec's routes: {@code #/} all, {@code #/active}, {@code #/completed}; anything else shows all. */
final class TodoRouter extends Router {

  private TodoAppView app;

  /** Routes into {@code app}; {@link #start()} applies the current URL's filter. */
  static TodoRouter create(TodoAppView app) {
    TodoRouter router = new TodoRouter();
    router.app = app;
    return router;
  }

  void start() {
    History.global().start();
  }

  @Override
  protected void routes(Routes routes) {
    routes.add("*filter", "filter");
  }

  @Override
  protected RouteCallback handler(String name) {
    return "filter".equals(name) ? args -> app.setFilter(Filter.fromRoute(args.length > 0 ? args[0] : null)) : null;
  }
}
