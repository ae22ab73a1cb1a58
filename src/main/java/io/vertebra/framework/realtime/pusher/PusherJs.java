package io.vertebra.framework.realtime.pusher;

import com.google.gwt.core.client.JavaScriptObject;
import io.vertebra.framework.core.Json;

/**
 * The pusher-js {@code Pusher} client, seen from Java. With {@link PusherChannelJs} it is the only code that
 * touches pusher-js: each method is one pusher-js call, and every value crossing the boundary goes through JSON
 * ({@code JSON.stringify} in the browser, the framework's {@link Json} codec in Java), so Java only ever sees
 * JSON-like values and makes every decision itself.
 *
 * <p>The host page must load {@code vendor/pusher.min.js} (served by the app) before the GWT module.
 */
public final class PusherJs extends JavaScriptObject {

  protected PusherJs() {
  }

  /** Whether the page loaded pusher-js ({@code window.Pusher} exists). */
  public static native boolean isLoaded() /*-{
    return typeof $wnd.Pusher === 'function';
  }-*/;

  /** Creates a client, which starts connecting at once (pusher-js behaviour). */
  public static PusherJs create(PusherOptions options) {
    if (!isLoaded()) {
      throw new IllegalStateException("pusher-js is not loaded: the host page must load vendor/pusher.min.js"
          + " before the GWT module");
    }
    return construct(options.key(), Json.stringify(options.toPusherJs()));
  }

  private static native PusherJs construct(String key, String optionsJson) /*-{
    return new $wnd.Pusher(key, JSON.parse(optionsJson));
  }-*/;

  /** Connects again after {@link #disconnect()}; channels are subscribed again by pusher-js. */
  public native void connect() /*-{
    this.connect();
  }-*/;

  /** Closes the connection. */
  public native void disconnect() /*-{
    this.disconnect();
  }-*/;

  /** {@code connection.state}: {@code initialized}, {@code connecting}, {@code connected}, ... */
  public native String state() /*-{
    return this.connection.state;
  }-*/;

  /** {@code connection.socket_id}, or null while not connected. */
  public native String socketId() /*-{
    return this.connection.socket_id || null;
  }-*/;

  /** Subscribes to a channel (pusher-js queues it until connected) and returns it. */
  public native PusherChannelJs subscribe(String name) /*-{
    return this.subscribe(name);
  }-*/;

  /** Unsubscribes from a channel. */
  public native void unsubscribe(String name) /*-{
    this.unsubscribe(name);
  }-*/;

  /** The channel object for {@code name}, or null when not subscribed. */
  public native PusherChannelJs channel(String name) /*-{
    return this.channel(name) || null;
  }-*/;

  /** Authenticates the user through the user authentication endpoint ({@code pusher.signin()}). */
  public native void signin() /*-{
    this.signin();
  }-*/;

  /** Binds {@code handler} to a client-wide event (e.g. {@code pusher:error}, {@code pusher:signin_success}). */
  public PusherBinding bind(String event, PusherEventHandler handler) {
    JavaScriptObject fn = namedEventFunction(event, handler);
    bindNative(event, fn);
    return () -> unbindNative(event, fn);
  }

  /** Binds {@code handler} to every event the client receives ({@code pusher.bind_global}). */
  public PusherBinding bindGlobal(PusherEventHandler handler) {
    JavaScriptObject fn = globalEventFunction(handler);
    bindGlobalNative(fn);
    return () -> unbindGlobalNative(fn);
  }

  /** Binds {@code handler} to every event sent to the signed-in user ({@code pusher.user.bind_global}). */
  public PusherBinding bindUserGlobal(PusherEventHandler handler) {
    JavaScriptObject fn = globalEventFunction(handler);
    bindUserGlobalNative(fn);
    return () -> unbindUserGlobalNative(fn);
  }

  /** Binds {@code handler} to {@code connection.state_change}. */
  public PusherBinding bindStateChange(PusherStateHandler handler) {
    JavaScriptObject fn = stateFunction(handler);
    bindStateNative(fn);
    return () -> unbindStateNative(fn);
  }

  private native void bindNative(String event, JavaScriptObject fn) /*-{
    this.bind(event, fn);
  }-*/;

  private native void unbindNative(String event, JavaScriptObject fn) /*-{
    this.unbind(event, fn);
  }-*/;

  private native void bindGlobalNative(JavaScriptObject fn) /*-{
    this.bind_global(fn);
  }-*/;

  private native void unbindGlobalNative(JavaScriptObject fn) /*-{
    this.unbind_global(fn);
  }-*/;

  private native void bindUserGlobalNative(JavaScriptObject fn) /*-{
    this.user.bind_global(fn);
  }-*/;

  private native void unbindUserGlobalNative(JavaScriptObject fn) /*-{
    this.user.unbind_global(fn);
  }-*/;

  private native void bindStateNative(JavaScriptObject fn) /*-{
    this.connection.bind('state_change', fn);
  }-*/;

  private native void unbindStateNative(JavaScriptObject fn) /*-{
    this.connection.unbind('state_change', fn);
  }-*/;

  /** A JS callback {@code (data)} for one named event. */
  static native JavaScriptObject namedEventFunction(String event, PusherEventHandler handler) /*-{
    return $entry(function(data) {
      @io.vertebra.framework.realtime.pusher.PusherJs::dispatch(*)(handler, event, JSON.stringify(data));
    });
  }-*/;

  /** A JS callback {@code (eventName, data)} for bind_global. */
  static native JavaScriptObject globalEventFunction(PusherEventHandler handler) /*-{
    return $entry(function(eventName, data) {
      @io.vertebra.framework.realtime.pusher.PusherJs::dispatch(*)(handler, eventName, JSON.stringify(data));
    });
  }-*/;

  private static native JavaScriptObject stateFunction(PusherStateHandler handler) /*-{
    return $entry(function(states) {
      handler.@io.vertebra.framework.realtime.pusher.PusherStateHandler::onStateChange(*)(states.previous,
          states.current);
    });
  }-*/;

  /** Back in Java: the event data arrives as JSON text (undefined = null) and leaves as Java values. */
  static void dispatch(PusherEventHandler handler, String event, String json) {
    handler.onEvent(event, json == null ? null : Json.parse(json));
  }
}
