package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Callback;
import io.vertebra.framework.core.Events;

/**
 * One model or collection following a channel, made by {@link LiveModels#follow}. It ends when its owner stops
 * listening ({@code owner.stopListening()}, {@code View.remove()}) or with {@link #stop()}; when nothing else
 * listens to the channel, the channel is unsubscribed.
 */
public final class Following {

  private final Events owner;
  private final RealtimeChannel channel;
  private final Callback callback;

  /** Binds first and subscribes then, so that a backend confirming at once is not missed. */
  Following(Events owner, Notifier notifier, String channelName, Callback callback) {
    this.owner = owner;
    this.channel = notifier.channelObject(channelName);
    this.callback = callback;
    owner.listenTo(channel, "all", callback);
    notifier.ensureSubscribed(channel);
  }

  /** The followed channel's name. */
  public String channelName() {
    return channel.name();
  }

  /** Stops exactly this following (other listeners of the owner stay bound). */
  public void stop() {
    owner.stopListening(channel, "all", callback);
  }
}
