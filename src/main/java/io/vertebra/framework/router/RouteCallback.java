package io.vertebra.framework.router;

/**
 * What a route runs when it matches: receives the route's parameters in order (decoded; {@code null} for an
 * optional part that is absent), then the query string (not decoded; {@code null} when the URL has none).
 *
 * <p>For {@code "search/:query/p:page"} and {@code #search/news/p2?sort=new} the arguments are
 * {@code ("news", "2", "sort=new")}.
 */
@FunctionalInterface
public interface RouteCallback {

  /** Handles one navigation to the route. */
  void handle(String... args);
}
