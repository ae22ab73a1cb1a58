package io.vertebra.channels.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.LocalDelivery;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.protocol.IncomingFrame;
import io.vertebra.channels.protocol.ProtocolException;

/**
 * Client events ({@code client-*}): allowed only on private and presence channels the sender is subscribed to,
 * rate limited per connection, relayed to every other subscriber (never echoed), with {@code user_id} added on
 * presence channels.
 */
final class ClientEventHandler {

  private final ChannelsApp app;
  private final LocalDelivery local;

  ClientEventHandler(ChannelsApp app) {
    this.app = app;
    this.local = new LocalDelivery(app);
  }

  void relay(Connection connection, IncomingFrame frame) throws ProtocolException {
    String name = frame.event();
    String channelName = frame.channel();
    String nameProblem = ChannelNames.eventProblem(name, app.limits().maxEventNameLength());
    if (nameProblem != null) {
      throw new ProtocolException(null, nameProblem);
    }
    if (channelName == null || !connection.channels().contains(channelName)) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Client event rejected: not subscribed to "
          + (channelName == null ? "the channel" : channelName));
    }
    ChannelType type = ChannelType.of(channelName);
    if (!type.allowsClientEvents()) {
      throw new ProtocolException(ErrorCode.UNAUTHORIZED,
          "Client events are only allowed on private and presence channels");
    }
    if (!connection.clientEvents().tryAcquire()) {
      throw new ProtocolException(ErrorCode.CLIENT_EVENT_RATE_LIMIT, "Client event rejected: more than "
          + app.limits().clientEventsPerSecond() + " client events per second");
    }
    if (app.channels().find(channelName) == null) {
      return;
    }
    JsonNode data = frame.data() == null ? Frames.JSON.nullNode() : frame.data();
    String userId = type == ChannelType.PRESENCE ? presenceUserId(channelName, connection) : null;
    String relayed = Frames.clientEvent(channelName, name, data, userId);
    local.relay(channelName, relayed, connection.socketId());
    app.cluster().clientEventRelayed(channelName, relayed, connection.socketId());
    String text = data.isTextual() ? data.asText() : Frames.stringify(data);
    app.listener().clientEvent(channelName, name, text, connection.socketId(), userId);
    app.observer().get().clientEvent(channelName, name, text, connection.socketId(), userId);
  }

  private String presenceUserId(String channelName, Connection connection) {
    Channel channel = app.channels().find(channelName);
    return channel == null ? null : channel.roster().userOf(connection.socketId());
  }
}
