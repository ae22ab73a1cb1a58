package io.vertebra.framework.router;

import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Uris;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the browser's URL into route callbacks, as Backbone.history does: listens to {@code hashchange} (or
 * {@code popstate} with {@code pushState}), finds the first matching route and runs it. There is usually one,
 * {@link #global()}; routers register their routes with it, and {@code start} begins routing.
 *
 * <p>Events: {@code "route"} {@code (router, name, args)} after a router handled a URL; {@code "notfound"} when no
 * route matches or the path is outside the configured root.
 *
 * <p>Start options (keys of {@link Options}): {@code root} (default "/"), {@code pushState} (use the HTML5
 * history API), {@code hashChange} (false: without pushState, navigate reloads the page), {@code silent} (do not
 * route the initial URL), {@code trailingSlash}.
 *
 * <p>As in Backbone, "started" belongs to the class, not to an instance: while any history is started, starting
 * another throws, and {@link #navigate} of any history works.
 */
public class History extends Events {

  /** Start option: the path under which the app lives. */
  public static final String ROOT = "root";
  /** Start option: use pushState URLs instead of #fragments. */
  public static final String PUSH_STATE = "pushState";
  /** Start option: false to never fall back to #fragments. */
  public static final String HASH_CHANGE = "hashChange";
  /** Start option: keep the root's trailing slash when navigating to the empty fragment. */
  public static final String TRAILING_SLASH = "trailingSlash";
  /** Navigate option: run the route of the new URL. */
  public static final String TRIGGER = "trigger";
  /** Navigate option: replace the current history entry instead of adding one. */
  public static final String REPLACE = "replace";

  private static History global;
  /** Backbone's {@code History.started}: one page has one URL, so one history at a time may route it. */
  private static boolean started;
  private static BrowserLocationFactory defaultLocation;

  private final BrowserLocation location;
  private final List<Handler> handlers = new ArrayList<>();
  private Options options = new Options();
  private String root = "/";
  private String fragment;
  private boolean trailingSlash;
  private boolean wantsHashChange;
  private boolean usePushState;
  private Runnable stopListening;

  /** A history over the given location (a fake one in JVM tests). */
  public History(BrowserLocation location) {
    this.location = location;
  }

  /** The application's shared history; in the browser it is created over the window's location on first use. */
  public static History global() {
    if (global == null) {
      if (defaultLocation == null) {
        throw new IllegalStateException("No browser location: call History.setGlobal(new History(location)) first");
      }
      global = new History(defaultLocation.create());
    }
    return global;
  }

  /** Replaces the shared history (tests do this before each case, as Backbone's tests replace Backbone.history). */
  public static void setGlobal(History history) {
    global = history;
  }

  /** Sets how {@link #global()} obtains the browser location when it creates the shared history. */
  public static void setDefaultLocation(BrowserLocationFactory factory) {
    defaultLocation = factory;
  }

  /** Starts routing with default options; routes the current URL. Returns whether a route matched. */
  public boolean start() {
    return start(new Options());
  }

  /**
   * Starts routing. Returns whether a route matched the current URL (false when {@code silent}).
   *
   * @throws IllegalStateException when this or another history is started
   */
  public boolean start(Options startOptions) {
    if (started) {
      throw new IllegalStateException("History has already been started");
    }
    started = true;
    Options merged = new Options().set(ROOT, "/").putAll(options);
    if (startOptions != null) {
      merged.putAll(startOptions);
    }
    options = merged;
    Object rootOption = options.get(ROOT);
    root = rootOption == null ? "/" : rootOption.toString();
    trailingSlash = options.isTrue(TRAILING_SLASH);
    wantsHashChange = !options.isFalse(HASH_CHANGE);
    boolean wantsPushState = options.isTrue(PUSH_STATE);
    boolean hasPushState = location.supportsPushState();
    usePushState = wantsPushState && hasPushState;
    fragment = getFragment();
    root = normalizeRoot(root);

    if (wantsHashChange && wantsPushState) {
      if (!hasPushState && !atRoot()) {
        // A pushState URL opened in a browser without pushState: move the path into the hash.
        String rootPath = root.length() > 1 ? root.substring(0, root.length() - 1) : "/";
        location.replace(rootPath + "#" + getPath());
        return true;
      } else if (hasPushState && atRoot()) {
        // A #fragment URL opened in a browser with pushState: turn it into a real path.
        navigate(getHash(), new Options().set(REPLACE, true));
      }
    }
    if (usePushState || wantsHashChange) {
      stopListening = location.listen(usePushState, this::checkUrl);
    }
    return !options.isSilent() && loadUrl(null);
  }

  /** Stops listening to URL changes; routes stay registered, and start may be called again. */
  public void stop() {
    if (stopListening != null) {
      stopListening.run();
      stopListening = null;
    }
    started = false;
  }

  /** Whether a history (this or another) was started and not stopped since: Backbone's {@code History.started}. */
  public boolean isStarted() {
    return started;
  }

  /** Registers a route; later registrations take precedence, as in Backbone. */
  public void route(RoutePattern pattern, Consumer<String> callback) {
    handlers.add(0, new Handler(pattern, callback));
  }

  /** Checks whether the URL changed and routes it if so (called on hashchange / popstate). */
  public boolean checkUrl() {
    String current = getFragment();
    if (current.equals(fragment)) {
      return matchRoot() ? false : notfound();
    }
    return loadUrl(null);
  }

  /**
   * Routes {@code fragmentOverride} (the current URL when null): runs the first matching route. Returns false and
   * triggers "notfound" when none matches or the path is outside the root.
   */
  public boolean loadUrl(String fragmentOverride) {
    if (!matchRoot()) {
      return notfound();
    }
    fragment = getFragment(fragmentOverride);
    for (Handler handler : new ArrayList<>(handlers)) {
      if (handler.pattern.matches(fragment)) {
        handler.callback.accept(fragment);
        return true;
      }
    }
    return notfound();
  }

  /** Same as {@link #navigate(String, Options)} with only the trigger option. */
  public boolean navigate(String newFragment, boolean trigger) {
    return navigate(newFragment, new Options().set(TRIGGER, trigger));
  }

  /**
   * Moves to {@code newFragment}: updates the URL (pushState, hash, or a page load without either) and, with
   * {@code trigger}, routes it. Returns whether a route ran; false when not started or the URL is unchanged.
   */
  public boolean navigate(String newFragment, Options navigateOptions) {
    if (!started) {
      return false;
    }
    Options opts = navigateOptions == null ? new Options() : navigateOptions;
    String next = getFragment(newFragment == null ? "" : newFragment);
    String rootPath = root;
    if (!trailingSlash && (next.isEmpty() || next.charAt(0) == '?')) {
      rootPath = root.length() > 1 ? root.substring(0, root.length() - 1) : "/";
    }
    String url = rootPath + next;
    int hash = next.indexOf("#");
    String withoutHash = hash >= 0 ? next.substring(0, hash) : next;
    String decoded = decodeFragment(withoutHash);
    if (decoded.equals(fragment)) {
      return false;
    }
    fragment = decoded;
    boolean replace = opts.isTrue(REPLACE);
    if (usePushState) {
      if (replace) {
        location.replaceState(url);
      } else {
        location.pushState(url);
      }
    } else if (wantsHashChange) {
      updateHash(withoutHash, replace);
    } else {
      location.assign(url);
      return false;
    }
    return opts.isTrue(TRIGGER) && loadUrl(withoutHash);
  }

  /** The fragment of the current URL: the path under the root with pushState or without hash changes, else the hash. */
  public String getFragment() {
    return getFragment(null);
  }

  /** Normalizes {@code given} (a leading "#" or "/" and trailing spaces removed), or the current one when null. */
  public String getFragment(String given) {
    String value = given;
    if (value == null) {
      value = usePushState || !wantsHashChange ? getPath() : getHash();
    }
    return stripRoute(value);
  }

  /** The fragment last routed or navigated to (decoded). */
  public String fragment() {
    return fragment;
  }

  /** The normalized root ("/app/"), after start. */
  public String root() {
    return root;
  }

  /** The text after '#' in the current URL, or "". */
  public String getHash() {
    String href = location.href();
    int hash = href.indexOf("#");
    return hash >= 0 ? href.substring(hash + 1) : "";
  }

  /** The current path and search under the root, decoded, without a leading slash. */
  public String getPath() {
    String path = decodeFragment(location.pathname() + getSearch());
    path = slice(path, root.length() - 1);
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** The "?..." part of the current URL (before any '#'), or "". */
  public String getSearch() {
    String href = location.href();
    int hash = href.indexOf("#");
    String beforeHash = hash >= 0 ? href.substring(0, hash) : href;
    int query = beforeHash.indexOf("?");
    return query >= 0 && query + 1 < beforeHash.length() ? beforeHash.substring(query) : "";
  }

  /** Whether the current URL is the root itself, without a search string. */
  public boolean atRoot() {
    String path = location.pathname();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return path.equals(root) && getSearch().isEmpty();
  }

  /** Whether the current path lies under the root. */
  public boolean matchRoot() {
    String path = decodeFragment(location.pathname());
    String rootPath = path.substring(0, Math.min(path.length(), root.length() - 1)) + "/";
    return rootPath.equals(root);
  }

  /** Triggers "notfound"; returns false so callers can return it. */
  protected boolean notfound() {
    trigger("notfound");
    return false;
  }

  private void updateHash(String newFragment, boolean replace) {
    if (replace) {
      String href = location.href();
      int cut = href.indexOf("#");
      location.replace((cut >= 0 ? href.substring(0, cut) : href) + "#" + newFragment);
    } else {
      location.setHash(newFragment);
    }
  }

  /** JavaScript's {@code String.slice(from)}: a negative start counts from the end (a root of "" before start). */
  private static String slice(String text, int from) {
    int start = from < 0 ? Math.max(0, text.length() + from) : Math.min(text.length(), from);
    return text.substring(start);
  }

  /** Backbone's decodeFragment: decodeURI, but an encoded '%' stays encoded; a malformed URL stays as it is. */
  static String decodeFragment(String text) {
    try {
      return Uris.decodeUri(Uris.replaceEach(text, "%25", "%2525"));
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** Backbone's routeStripper: one leading '#' or '/', and trailing whitespace. */
  private static String stripRoute(String value) {
    int start = !value.isEmpty() && (value.charAt(0) == '#' || value.charAt(0) == '/') ? 1 : 0;
    int end = value.length();
    while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** ("/" + root + "/") with runs of leading and trailing slashes collapsed to one. */
  private static String normalizeRoot(String root) {
    String value = "/" + root + "/";
    int start = 0;
    while (start + 1 < value.length() && value.charAt(start + 1) == '/') {
      start++;
    }
    int end = value.length();
    while (end - 1 > start && value.charAt(end - 2) == '/') {
      end--;
    }
    return value.substring(start, end);
  }

  /** Creates the browser location for the shared history (set by the browser glue at startup). */
  @FunctionalInterface
  public interface BrowserLocationFactory {
    /** Creates the location. */
    BrowserLocation create();
  }

  private static final class Handler {
    final RoutePattern pattern;
    final Consumer<String> callback;

    Handler(RoutePattern pattern, Consumer<String> callback) {
      this.pattern = pattern;
      this.callback = callback;
    }
  }
}
