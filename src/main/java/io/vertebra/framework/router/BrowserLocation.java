package io.vertebra.framework.router;

/**
 * The browser's address bar as {@link History} needs it: the current URL, ways to change it, and a signal when the
 * user changes it. The browser implementation is {@code io.vertebra.framework.browser.WindowLocation}; JVM tests
 * use a fake, so routing logic is tested without a browser.
 */
public interface BrowserLocation {

  /** The full current URL ({@code location.href}), percent-encoded as the browser keeps it. */
  String href();

  /** The path of the current URL ({@code location.pathname}), percent-encoded. */
  String pathname();

  /** Loads another URL, adding a history entry ({@code location.assign}). */
  void assign(String url);

  /** Replaces the current URL without a history entry ({@code location.replace}). */
  void replace(String url);

  /** Sets the fragment, adding a history entry ({@code location.hash = '#' + fragment}). */
  void setHash(String fragment);

  /** Whether the HTML5 history API ({@code pushState}) is available. */
  boolean supportsPushState();

  /** {@code history.pushState(state, title, url)}. */
  void pushState(String url);

  /** {@code history.replaceState(state, title, url)}. */
  void replaceState(String url);

  /**
   * Calls {@code onChange} whenever the user changes the URL: on {@code popstate} when {@code pushState} is true,
   * else on {@code hashchange}. Returns what stops listening.
   */
  Runnable listen(boolean pushState, Runnable onChange);
}
