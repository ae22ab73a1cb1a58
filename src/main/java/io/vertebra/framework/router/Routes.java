package io.vertebra.framework.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A router's route table, in declaration order (earlier routes win when several match), as Backbone's
 * {@code routes} hash: {@code routes.add("posts/:id", "showPost")} names a route whose callback the router finds
 * with {@link Router#handler(String)}, {@code routes.add("help", args -> showHelp())} binds one directly.
 */
public final class Routes {

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a named route; the router's {@link Router#handler(String)} supplies its callback (or none). */
  public Routes add(String route, String name) {
    entries.add(new Entry(route, name, null));
    return this;
  }

  /** Adds an unnamed route with its callback ("route" events carry the empty name). */
  public Routes add(String route, RouteCallback callback) {
    entries.add(new Entry(route, "", callback));
    return this;
  }

  /** Adds a named route with its callback. */
  public Routes add(String route, String name, RouteCallback callback) {
    entries.add(new Entry(route, name, callback));
    return this;
  }

  /** The entries in declaration order. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** One route: its pattern text, name and optional callback. */
  public static final class Entry {
    private final String route;
    private final String name;
    private final RouteCallback callback;

    Entry(String route, String name, RouteCallback callback) {
      this.route = route;
      this.name = name;
      this.callback = callback;
    }

    /** The route pattern text. */
    public String route() {
      return route;
    }

    /** The route name ("" when unnamed). */
    public String name() {
      return name;
    }

    /** The callback, or null to look it up by name. */
    public RouteCallback callback() {
      return callback;
    }
  }
}
