package io.vertebra.channels.channel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel listener that records what it is told as short strings ("occupied:x", "member_added:x:u"). */
public final class RecordingListener implements ChannelListener {

  public final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public void channelOccupied(String channel) {
    calls.add("occupied:" + channel);
  }

  @Override
  public void channelVacated(String channel) {
    calls.add("vacated:" + channel);
  }

  @Override
  public void memberAdded(String channel, String userId) {
    calls.add("member_added:" + channel + ":" + userId);
  }

  @Override
  public void memberRemoved(String channel, String userId) {
    calls.add("member_removed:" + channel + ":" + userId);
  }

  @Override
  public void cacheMiss(String channel) {
    calls.add("cache_miss:" + channel);
  }

  @Override
  public void subscriptionCount(String channel, int count) {
    calls.add("subscription_count:" + channel + ":" + count);
  }

  @Override
  public void clientEvent(String channel, String event, String data, String socketId, String userId) {
    calls.add("client_event:" + channel + ":" + event + ":" + userId);
  }
}
