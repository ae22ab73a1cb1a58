package io.vertebra.framework.realtime.pusher;

import com.google.gwt.core.client.JavaScriptObject;
import io.vertebra.framework.core.Json;

/**
 * The pusher-js {@code Pusher} client, seen from Java. With {@link PusherChannelJs} and {@code JsEvents} it is
 * the only code that touches pusher-js: each method is one pusher-js call, and every value crossing the boundary
 * goes through JSON ({@code JSON.stringify} in the browser, the framework's {@link Json} codec in Java), so Java
 * only ever sees JSON-like values and makes every decision itself.
 *
 * <p>The host page must load {@code vendor/pusher.min.js} (served by the app) before the GWT module, or
 * {@code vendor/pusher-with-encryption.min.js} when the app uses {@code private-encrypted-} channels (the same
 * client plus the NaCl code that decrypts them; {@link #canDecrypt()} tells which one the page loaded).
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

  /**
   * Whether this client can decrypt {@code private-encrypted-} channels: true when the page loaded pusher-js's
   * encryption build, which hands the client its NaCl implementation ({@code config.nacl}).
   */
  public native boolean canDecrypt() /*-{
    return !!(this.config && this.config.nacl);
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
    return JsEvents.bind(this, event, handler);
  }

  /** Binds {@code handler} to every event the client receives ({@code pusher.bind_global}). */
  public PusherBinding bindGlobal(PusherEventHandler handler) {
    return JsEvents.bindGlobal(this, handler);
  }

  /** Binds {@code handler} to every event sent to the signed-in user ({@code pusher.user.bind_global}). */
  public PusherBinding bindUserGlobal(PusherEventHandler handler) {
    return JsEvents.bindGlobal(user(), handler);
  }

  /**
   * Binds {@code handler} to every client event the connection receives, with the service-attested
   * {@code user_id}. pusher-js hands that id only to per-event {@code channel.bind} callbacks (as metadata) and
   * drops it for {@code bind_global}; the connection's {@code message} event carries the whole frame, so the
   * framework can follow every client event without knowing its name in advance.
   */
  public PusherBinding bindClientEvents(PusherClientEventHandler handler) {
    return JsEvents.bindFunction(connection(), "message", clientEventFunction(handler));
  }

  private static native JavaScriptObject clientEventFunction(PusherClientEventHandler handler) /*-{
    return $entry(function(message) {
      if (!message || typeof message.event !== 'string' || message.event.indexOf('client-') !== 0
          || typeof message.channel !== 'string') {
        return;
      }
      var userId = message.user_id == null ? null : String(message.user_id);
      @io.vertebra.framework.realtime.pusher.PusherJs::dispatchClientEvent(*)(handler, message.channel,
          message.event, JSON.stringify(message.data), userId);
    });
  }-*/;

  /** Back in Java: the data arrives as JSON text (undefined = null). */
  private static void dispatchClientEvent(PusherClientEventHandler handler, String channel, String event,
      String json, String userId) {
    handler.onClientEvent(channel, event, json == null ? null : Json.parse(json), userId);
  }

  /** Binds {@code handler} to {@code connection.state_change}. */
  public PusherBinding bindStateChange(PusherStateHandler handler) {
    return JsEvents.bindFunction(connection(), "state_change", stateFunction(handler));
  }

  private native JavaScriptObject user() /*-{
    return this.user;
  }-*/;

  private native JavaScriptObject connection() /*-{
    return this.connection;
  }-*/;

  private static native JavaScriptObject stateFunction(PusherStateHandler handler) /*-{
    return $entry(function(states) {
      handler.@io.vertebra.framework.realtime.pusher.PusherStateHandler::onStateChange(*)(states.previous,
          states.current);
    });
  }-*/;
}
