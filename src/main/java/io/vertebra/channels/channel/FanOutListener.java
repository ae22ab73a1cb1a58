package io.vertebra.channels.channel;

import java.util.List;

/** Tells several listeners (an app's webhooks) about each change, in order. */
public final class FanOutListener implements ChannelListener {

  private final List<ChannelListener> listeners;

  private FanOutListener(List<ChannelListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** {@link ChannelListener#NONE} for none, the listener itself for one, else one that tells each. */
  public static ChannelListener of(List<? extends ChannelListener> listeners) {
    return listeners.isEmpty() ? NONE : listeners.size() == 1 ? listeners.get(0)
        : new FanOutListener(List.copyOf(listeners));
  }

  @Override
  public void channelOccupied(String channel) {
    listeners.forEach(l -> l.channelOccupied(channel));
  }

  @Override
  public void channelVacated(String channel) {
    listeners.forEach(l -> l.channelVacated(channel));
  }

  @Override
  public void memberAdded(String channel, String userId) {
    listeners.forEach(l -> l.memberAdded(channel, userId));
  }

  @Override
  public void memberRemoved(String channel, String userId) {
    listeners.forEach(l -> l.memberRemoved(channel, userId));
  }

  @Override
  public void cacheMiss(String channel) {
    listeners.forEach(l -> l.cacheMiss(channel));
  }

  @Override
  public void subscriptionCount(String channel, int count) {
    listeners.forEach(l -> l.subscriptionCount(channel, count));
  }

  @Override
  public void clientEvent(String channel, String event, String data, String socketId, String userId) {
    listeners.forEach(l -> l.clientEvent(channel, event, data, socketId, userId));
  }
}
