package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Callback;
import io.vertebra.framework.core.Events;

/**
 * The events of one subscribed channel, each triggered with {@code (data, channelName, userId)} as on the
 * {@link Notifier} (including {@link Notifier#RESYNC} after a resubscription). {@code userId} is the sender's
 * user id as the realtime service attests it (client events on presence channels), else null: trust it, never a
 * user id inside {@code data}. Get it from {@link Notifier#channel} or {@link Notifier#subscribe}.
 *
 * <p>The subscription follows the listeners: when the last listener is removed ({@code off}, or
 * {@code stopListening} / {@code View.remove()} on the listener) and no {@link Notifier#subscribe} holds it, the
 * channel is unsubscribed. After that this object is spent; ask the notifier again for a live one.
 */
public final class RealtimeChannel extends Events {

  private final Notifier notifier;
  private final String name;
  /** Explicit {@link Notifier#subscribe} holds. */
  int holds;
  /** Whether a subscription succeeded before: the next success is a resubscription. */
  boolean succeededBefore;
  /** Whether the backend was asked to subscribe. */
  boolean requested;

  RealtimeChannel(Notifier notifier, String name) {
    this.notifier = notifier;
    this.name = name;
  }

  /** The channel's name. */
  public String name() {
    return name;
  }

  /** Whether this object is still the notifier's live channel (false once released). */
  public boolean isSubscribed() {
    return notifier.liveChannel(name) == this;
  }

  /** Sends a client event on this channel; see {@link Notifier#triggerClientEvent}. */
  public boolean triggerClientEvent(String event, Object data) {
    return notifier.triggerClientEvent(name, event, data);
  }

  /** Removes listeners as {@link Events#off(String, Callback, Object)} does, then releases an unused channel. */
  @Override
  public Events off(String names, Callback callback, Object context) {
    super.off(names, callback, context);
    notifier.releaseIfUnused(this);
    return this;
  }
}
