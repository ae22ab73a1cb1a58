package io.vertebra.kit.live;

import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.identity.User;

/** A signed-in user may join {@code presence-{record}-{id}} of a record that exists, nothing else. */
final class RecordPresencePolicy implements ChannelPolicy {

  private final LiveStore store;
  private final String prefix;

  RecordPresencePolicy(LiveStore store) {
    this.store = store;
    this.prefix = "presence-" + store.resource().recordName() + "-";
  }

  @Override
  public String refusal(User user, String channel) {
    long id = recordId(channel);
    if (id < 0) {
      return "Channel " + channel + " is not one this app authorizes";
    }
    if (store.find(id).isEmpty()) {
      return store.resource().recordTitle() + " " + id + " does not exist";
    }
    return null;
  }

  /** The record id of this resource's presence channel, or -1 when {@code channel} is not one. */
  long recordId(String channel) {
    if (channel == null || !channel.startsWith(prefix)) {
      return -1;
    }
    String digits = channel.substring(prefix.length());
    if (digits.isEmpty() || digits.length() > 18 || !digits.matches("[0-9]+") || digits.startsWith("0")) {
      return -1;
    }
    return Long.parseLong(digits);
  }
}
