package io.vertebra.framework.realtime.pusher;

import com.google.gwt.core.client.JavaScriptObject;
import io.vertebra.framework.core.Json;

/**
 * Binding to pusher-js event dispatchers (the client, its channels, its user, its connection all share
 * {@code bind}/{@code unbind}/{@code bind_global}/{@code unbind_global}). Part of the pusher-js boundary: event
 * data crosses as JSON text and becomes JSON-like Java values through the framework's {@link Json} codec.
 */
final class JsEvents {

  private JsEvents() {
  }

  /** Binds {@code handler} to one named event of {@code dispatcher}. */
  static PusherBinding bind(JavaScriptObject dispatcher, String event, PusherEventHandler handler) {
    return bindFunction(dispatcher, event, namedEventFunction(event, handler));
  }

  /** Binds a ready-made JS function to one named event of {@code dispatcher}. */
  static PusherBinding bindFunction(JavaScriptObject dispatcher, String event, JavaScriptObject fn) {
    bindNative(dispatcher, event, fn);
    return () -> unbindNative(dispatcher, event, fn);
  }

  /** Binds {@code handler} to every event of {@code dispatcher} ({@code bind_global}). */
  static PusherBinding bindGlobal(JavaScriptObject dispatcher, PusherEventHandler handler) {
    JavaScriptObject fn = globalEventFunction(handler);
    bindGlobalNative(dispatcher, fn);
    return () -> unbindGlobalNative(dispatcher, fn);
  }

  private static native void bindNative(JavaScriptObject dispatcher, String event, JavaScriptObject fn) /*-{
    dispatcher.bind(event, fn);
  }-*/;

  private static native void unbindNative(JavaScriptObject dispatcher, String event, JavaScriptObject fn) /*-{
    dispatcher.unbind(event, fn);
  }-*/;

  private static native void bindGlobalNative(JavaScriptObject dispatcher, JavaScriptObject fn) /*-{
    dispatcher.bind_global(fn);
  }-*/;

  private static native void unbindGlobalNative(JavaScriptObject dispatcher, JavaScriptObject fn) /*-{
    dispatcher.unbind_global(fn);
  }-*/;

  /** A JS callback {@code (data)} for one named event. */
  private static native JavaScriptObject namedEventFunction(String event, PusherEventHandler handler) /*-{
    return $entry(function(data) {
      @io.vertebra.framework.realtime.pusher.JsEvents::dispatch(*)(handler, event, JSON.stringify(data));
    });
  }-*/;

  /** A JS callback {@code (eventName, data)} for bind_global. */
  private static native JavaScriptObject globalEventFunction(PusherEventHandler handler) /*-{
    return $entry(function(eventName, data) {
      @io.vertebra.framework.realtime.pusher.JsEvents::dispatch(*)(handler, eventName, JSON.stringify(data));
    });
  }-*/;

  /** Back in Java: the event data arrives as JSON text (undefined = null) and leaves as Java values. */
  private static void dispatch(PusherEventHandler handler, String event, String json) {
    handler.onEvent(event, json == null ? null : Json.parse(json));
  }
}
