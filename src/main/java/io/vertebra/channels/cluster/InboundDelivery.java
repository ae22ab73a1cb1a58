package io.vertebra.channels.cluster;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.LocalDelivery;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.PresenceMember;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what other nodes published to this node's subscribers, exactly as if it had happened here (through the
 * same {@link LocalDelivery}, deliveries counted alike), except that webhooks are not sent again (the originating
 * node sent them). Messages this node published itself are skipped: it delivered them locally already, so nothing
 * arrives twice. A node's report of channels whose messages it could not publish goes to {@code missed}; its new
 * subscription counts go to {@link RemoteSubscriptions}, and this node's subscribers of those channels hear the
 * cluster's new count.
 */
final class InboundDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(InboundDelivery.class);

  private final String node;
  private final ChannelsApp app;
  private final LocalDelivery local;
  private final Consumer<List<String>> missed;
  private final RemoteSubscriptions remote;

  InboundDelivery(String node, ChannelsApp app, Consumer<List<String>> missed) {
    this(node, app, missed, new RemoteSubscriptions());
  }

  /** A delivery that keeps the other nodes' subscription counts in {@code remote}. */
  InboundDelivery(String node, ChannelsApp app, Consumer<List<String>> missed, RemoteSubscriptions remote) {
    this.node = node;
    this.app = app;
    this.local = new LocalDelivery(app);
    this.missed = missed;
    this.remote = remote;
  }

  /** Handles one message from the bus. */
  void deliver(String text) {
    ClusterMessage message;
    try {
      message = ClusterMessage.decode(text);
    } catch (IllegalArgumentException e) {
      app.counters().clusterError();
      LOG.warn("Ignoring a malformed cluster message: {}", e.getMessage());
      return;
    }
    if (node.equals(message.node())) {
      return;
    }
    switch (message.type()) {
      case EVENT -> message.channels().forEach(
          name -> local.event(name, message.event(), message.data(), message.exceptSocketId()));
      case CLIENT_EVENT -> local.relay(message.channel(), message.data(), message.exceptSocketId());
      case MEMBER_ADDED -> {
        Channel channel = app.channels().find(message.channel());
        if (channel != null) {
          channel.remoteMemberAdded(new PresenceMember(message.userId(), message.userInfo()));
        }
      }
      case MEMBER_REMOVED -> {
        Channel channel = app.channels().find(message.channel());
        if (channel != null) {
          channel.remoteMemberRemoved(message.userId());
        }
      }
      case TERMINATE -> local.terminate(message.userId());
      case RESYNC -> missed.accept(message.channels());
      case SUBSCRIPTIONS -> remote.report(message.node(), message.counts()).forEach(
          channel -> app.channels().subscriptionCounts().changedElsewhere(channel, app.channels(), false));
    }
  }
}
