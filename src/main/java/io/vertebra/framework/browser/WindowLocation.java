package io.vertebra.framework.browser;

import io.vertebra.framework.router.BrowserLocation;

/** The browser window's location and history API: the boundary the router's {@code History} uses in the browser. */
public final class WindowLocation implements BrowserLocation {

  /** Makes the shared {@code History} use the window's location. Call once at startup, before routers exist. */
  public static void install() {
    io.vertebra.framework.router.History.setDefaultLocation(WindowLocation::new);
  }

  @Override
  public native String href() /*-{
    return $wnd.location.href;
  }-*/;

  @Override
  public native String pathname() /*-{
    return $wnd.location.pathname;
  }-*/;

  @Override
  public native void assign(String url) /*-{
    $wnd.location.assign(url);
  }-*/;

  @Override
  public native void replace(String url) /*-{
    $wnd.location.replace(url);
  }-*/;

  @Override
  public native void setHash(String fragment) /*-{
    $wnd.location.hash = '#' + fragment;
  }-*/;

  @Override
  public native boolean supportsPushState() /*-{
    return !!($wnd.history && $wnd.history.pushState);
  }-*/;

  @Override
  public native void pushState(String url) /*-{
    $wnd.history.pushState({}, $doc.title, url);
  }-*/;

  @Override
  public native void replaceState(String url) /*-{
    $wnd.history.replaceState({}, $doc.title, url);
  }-*/;

  @Override
  public Runnable listen(boolean pushState, Runnable onChange) {
    Object handle = addListener(pushState ? "popstate" : "hashchange", onChange);
    return () -> removeListener(pushState ? "popstate" : "hashchange", handle);
  }

  private static native Object addListener(String type, Runnable onChange) /*-{
    var listener = $entry(function() {
      onChange.@java.lang.Runnable::run()();
    });
    $wnd.addEventListener(type, listener, false);
    return listener;
  }-*/;

  private static native void removeListener(String type, Object listener) /*-{
    $wnd.removeEventListener(type, listener, false);
  }-*/;
}
