package io.vertebra.framework.router;

import io.vertebra.framework.core.Uris;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser location for JVM tests, like the {@code Location} class of Backbone's test/router.js: parses and
 * percent-encodes a URL as a browser's address bar does, and records what History asks of it.
 */
public class FakeLocation implements BrowserLocation {

  private String origin;
  private String pathname;
  private String search;
  private String hash;
  private boolean pushStateSupported = true;

  /** URLs given to replace / assign / pushState / replaceState, in order. */
  public final List<String> replaced = new ArrayList<>();
  public final List<String> assigned = new ArrayList<>();
  public final List<String> pushed = new ArrayList<>();
  public final List<String> replacedStates = new ArrayList<>();
  /** How many listeners are attached now. */
  public int listeners;

  public FakeLocation(String href) {
    visit(href);
  }

  /** Moves to {@code href} as a test would by typing it (not recorded). */
  public final void visit(String href) {
    String rest = href;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      int pathStart = indexOfAny(rest, "/?#", scheme + 3);
      origin = pathStart < 0 ? rest : rest.substring(0, pathStart);
      rest = pathStart < 0 ? "" : rest.substring(pathStart);
    }
    int hashAt = rest.indexOf('#');
    hash = hashAt >= 0 ? "#" + Uris.encodeLocationPart(rest.substring(hashAt + 1)) : "";
    rest = hashAt >= 0 ? rest.substring(0, hashAt) : rest;
    int queryAt = rest.indexOf('?');
    search = queryAt >= 0 ? Uris.encodeLocationPart(rest.substring(queryAt)) : "";
    String path = queryAt >= 0 ? rest.substring(0, queryAt) : rest;
    pathname = Uris.encodeLocationPart(path.isEmpty() ? "/" : (path.startsWith("/") ? path : "/" + path))
        .replace("{", "%7B").replace("}", "%7D");
    if (search.equals("?")) {
      search = "";
    }
  }

  public void setPathname(String pathname) {
    this.pathname = pathname;
  }

  public void setPushStateSupported(boolean supported) {
    this.pushStateSupported = supported;
  }

  /** {@code location.hash}, with its '#'. */
  public String hash() {
    return hash;
  }

  @Override
  public String href() {
    return origin + pathname + search + hash;
  }

  @Override
  public String pathname() {
    return pathname;
  }

  @Override
  public void assign(String url) {
    assigned.add(url);
    visit(absolute(url));
  }

  @Override
  public void replace(String url) {
    replaced.add(url);
    visit(absolute(url));
  }

  @Override
  public void setHash(String fragment) {
    hash = "#" + Uris.encodeLocationPart(fragment);
  }

  @Override
  public boolean supportsPushState() {
    return pushStateSupported;
  }

  @Override
  public void pushState(String url) {
    pushed.add(url);
  }

  @Override
  public void replaceState(String url) {
    replacedStates.add(url);
  }

  @Override
  public Runnable listen(boolean pushState, Runnable onChange) {
    listeners++;
    return () -> listeners--;
  }

  private String absolute(String url) {
    return url.contains("://") ? url : origin + (url.startsWith("/") ? url : "/" + url);
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
