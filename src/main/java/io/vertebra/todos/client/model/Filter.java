package io.vertebra.todos.client.model;

/**
 * Which todos the list shows, from the route: {@code #/} all, {@code #/active}, {@code #/completed}.
 */
public enum Filter {
  ALL("", "All"),
  ACTIVE("active", "Active"),
  COMPLETED("completed", "Completed");

  private final String route;
  private final String label;

  Filter(String route, String label) {
    this.route = route;
    this.label = label;
  }

  /** The route of this filter, the link without its "#/" ({@code active}). */
  public String route() {
    return route;
  }

  /** The link to this filter ({@code #/active}). */
  public String href() {
    return "#/" + route;
  }

  /** The filter link's text. */
  public String label() {
    return label;
  }

  /** Whether a todo in this state is shown under this filter. */
  public boolean shows(boolean completed) {
    return this == ALL || (this == COMPLETED) == completed;
  }

  /** The filter for a route fragment ({@code "/active"}, {@code "active"}); anything unknown shows all. */
  public static Filter fromRoute(String fragment) {
    String name = fragment == null ? "" : fragment.replaceFirst("^/+", "").replaceFirst("/+$", "");
    for (Filter filter : values()) {
      if (filter.route.equals(name)) {
        return filter;
      }
    }
    return ALL;
  }
}
