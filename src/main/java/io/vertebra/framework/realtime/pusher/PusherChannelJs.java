package io.vertebra.framework.realtime.pusher;

import com.google.gwt.core.client.JavaScriptObject;
import io.vertebra.framework.core.Json;

/** A pusher-js {@code Channel}, seen from Java: part of the pusher-js boundary (see {@link PusherJs}). */
public final class PusherChannelJs extends JavaScriptObject {

  protected PusherChannelJs() {
  }

  /** The channel's name. */
  public native String name() /*-{
    return this.name;
  }-*/;

  /** Whether the service confirmed the subscription (and no connection loss happened since). */
  public native boolean isSubscribed() /*-{
    return !!this.subscribed;
  }-*/;

  /** Binds {@code handler} to one event of this channel. */
  public PusherBinding bind(String event, PusherEventHandler handler) {
    JavaScriptObject fn = PusherJs.namedEventFunction(event, handler);
    bindNative(event, fn);
    return () -> unbindNative(event, fn);
  }

  /** Binds {@code handler} to every event of this channel, pusher's own included ({@code bind_global}). */
  public PusherBinding bindGlobal(PusherEventHandler handler) {
    JavaScriptObject fn = PusherJs.globalEventFunction(handler);
    bindGlobalNative(fn);
    return () -> unbindGlobalNative(fn);
  }

  /**
   * Sends a client event ({@code client-} prefix, private or presence channel) with JSON-like {@code data}.
   * Returns pusher-js's answer: false when it could not be sent.
   */
  public boolean trigger(String event, Object data) {
    return triggerNative(event, Json.stringify(data));
  }

  private native boolean triggerNative(String event, String json) /*-{
    return !!this.trigger(event, JSON.parse(json));
  }-*/;

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
}
