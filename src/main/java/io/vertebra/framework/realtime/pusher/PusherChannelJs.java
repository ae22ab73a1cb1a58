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
    return JsEvents.bind(this, event, handler);
  }

  /** Binds {@code handler} to every event of this channel, pusher's own included ({@code bind_global}). */
  public PusherBinding bindGlobal(PusherEventHandler handler) {
    return JsEvents.bindGlobal(this, handler);
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
}
