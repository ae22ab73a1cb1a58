package io.vertebra.framework.router;

import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Options;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Maps URL fragments to actions, as Backbone.Router: declare routes in {@link #routes(Routes)} (or pass
 * {@code routes} in the options), name them, and act in callbacks. Routes are registered with
 * {@link History#global()}; call {@code History.global().start()} once all routers exist.
 *
 * <pre>{@code
 * class AppRouter extends Router {
 *   protected void routes(Routes routes) {
 *     routes.add("", "home").add("posts/:id", "post");
 *   }
 *   protected RouteCallback handler(String name) {
 *     switch (name) {
 *       case "home": return args -> showList();
 *       case "post": return args -> showPost(args[0]);
 *       default: return null;
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Events, after a route ran: {@code "route:name"} with the route's arguments, then {@code "route"}
 * {@code (name, args)}; {@code History} then triggers {@code "route"} {@code (router, name, args)}. Overriding
 * {@link #execute} lets a router wrap every route (for example to check sign-in) or cancel it by returning false.
 */
public class Router extends Events {

  /** Option key: a {@link Routes} table that replaces {@link #routes(Routes)}. */
  public static final String ROUTES = "routes";

  /** Creates a router with its declared routes. */
  public Router() {
    this(null);
  }

  /** Creates a router; {@code options} reach {@link #preinitialize} and {@link #initialize}. */
  public Router(Options options) {
    Options opts = options == null ? new Options() : options;
    preinitialize(opts);
    Routes table;
    if (opts.get(ROUTES) instanceof Routes) {
      table = (Routes) opts.get(ROUTES);
    } else {
      table = new Routes();
      routes(table);
    }
    List<Routes.Entry> entries = table.entries();
    // Registered last-to-first: History gives later registrations precedence, so declaration order wins.
    for (int i = entries.size() - 1; i >= 0; i--) {
      Routes.Entry entry = entries.get(i);
      route(entry.route(), entry.name(), entry.callback());
    }
    initialize(opts);
  }

  /** Runs first in the constructor, before routes are bound. */
  protected void preinitialize(Options options) {
  }

  /** Runs last in the constructor. */
  protected void initialize(Options options) {
  }

  /** Declares this router's routes; none by default. */
  protected void routes(Routes routes) {
  }

  /** The callback for a named route without one of its own (Backbone looks up the method of that name). */
  protected RouteCallback handler(String name) {
    return null;
  }

  /** Adds an unnamed route. */
  public Router route(String route, RouteCallback callback) {
    return route(route, "", callback);
  }

  /** Adds a named route whose callback comes from {@link #handler(String)}. */
  public Router route(String route, String name) {
    return route(route, name, null);
  }

  /** Adds a route; a null callback is looked up with {@link #handler(String)}, and events fire either way. */
  public Router route(String route, String name, RouteCallback callback) {
    return route(RoutePattern.compile(route), name, callback);
  }

  /** Adds a route given as a compiled pattern (for example a regular expression). */
  public Router route(RoutePattern pattern, String name, RouteCallback callback) {
    RouteCallback action = callback != null ? callback : handler(name);
    History.global().route(pattern, fragment -> {
      String[] args = pattern.extract(fragment);
      if (execute(action, args, name)) {
        List<String> argList = new ArrayList<>(); // not Arrays.asList: its list class would ship for this use
        Collections.addAll(argList, args);
        trigger("route:" + name, (Object[]) args);
        trigger("route", name, argList);
        History.global().trigger("route", this, name, argList);
      }
    });
    return this;
  }

  /**
   * Runs a matched route's callback. Override to wrap routing; return false to cancel the route (no events).
   */
  protected boolean execute(RouteCallback callback, String[] args, String name) {
    if (callback != null) {
      callback.handle(args);
    }
    return true;
  }

  /** Updates the URL to {@code fragment} without routing it. */
  public Router navigate(String fragment) {
    History.global().navigate(fragment, new Options());
    return this;
  }

  /** Updates the URL; {@code trigger} and {@code replace} options as in {@link History#navigate(String, Options)}. */
  public Router navigate(String fragment, Options options) {
    History.global().navigate(fragment, options);
    return this;
  }
}
