package io.vertebra.channels.connection;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.channel.ChannelNames;
import io.vertebra.channels.channel.ChannelType;
import io.vertebra.channels.channel.PresenceMember;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.channels.protocol.IncomingFrame;
import io.vertebra.channels.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * {@code pusher:subscribe} and {@code pusher:unsubscribe}: name rules, signature checks for private, encrypted
 * and presence channels, presence member data, user channels, and the cache replay of cache channels.
 */
final class SubscriptionHandler {

  private final ChannelsApp app;

  SubscriptionHandler(ChannelsApp app) {
    this.app = app;
  }

  void subscribe(Connection connection, IncomingFrame frame) throws ProtocolException {
    String channel = frame.dataText("channel");
    String problem = ChannelNames.problem(channel, app.limits().maxChannelNameLength());
    if (problem != null) {
      throw new ProtocolException(null, problem);
    }
    if (connection.channels().contains(channel)) {
      return; // already subscribed: hosted Pusher ignores the repeat, and so do we
    }
    if (connection.channels().size() >= app.limits().maxSubscriptionsPerConnection()) {
      throw new ProtocolException(null, "Too many subscriptions on one connection (limit "
          + app.limits().maxSubscriptionsPerConnection() + ")");
    }
    ChannelType type = ChannelType.of(channel);
    if (type == ChannelType.USER) {
      subscribeUserChannel(connection, channel);
    } else if (type == ChannelType.PRESENCE) {
      subscribePresence(connection, channel, frame);
    } else {
      if (type.needsAuth()) {
        if (!authorized(connection, channel, frame.dataText("auth"), null)) {
          return;
        }
        connection.authorize();
      }
      connection.channels().add(channel);
      app.channels().subscribe(channel, connection);
      app.observer().get().subscribed(channel, connection.socketId(), null);
    }
    replayCache(connection, channel);
  }

  void unsubscribe(Connection connection, IncomingFrame frame) throws ProtocolException {
    String channel = frame.dataText("channel");
    if (channel != null && connection.channels().remove(channel)) {
      app.channels().unsubscribe(channel, connection.socketId());
      app.observer().get().unsubscribed(channel, connection.socketId());
    }
  }

  /** Leaves every channel (the connection closed). */
  void unsubscribeAll(Connection connection) {
    for (String channel : connection.channels()) {
      connection.channels().remove(channel);
      app.channels().unsubscribe(channel, connection.socketId());
      app.observer().get().unsubscribed(channel, connection.socketId());
    }
  }

  private void subscribeUserChannel(Connection connection, String channel) {
    String userId = connection.userId();
    if (userId == null || !channel.equals(ChannelNames.USER_CHANNEL_PREFIX + userId)) {
      reject(connection, channel, "Only the signed-in user may subscribe to " + channel, 403);
      return;
    }
    connection.channels().add(channel);
    app.channels().subscribe(channel, connection);
    app.observer().get().subscribed(channel, connection.socketId(), null);
  }

  private void subscribePresence(Connection connection, String channel, IncomingFrame frame)
      throws ProtocolException {
    String channelData = frame.dataText("channel_data");
    if (channelData == null) {
      reject(connection, channel, "Presence channels need channel_data", 401);
      return;
    }
    if (!authorized(connection, channel, frame.dataText("auth"), channelData)) {
      return;
    }
    PresenceMember member = member(connection, channel, channelData);
    if (member == null) {
      return;
    }
    connection.channels().add(channel);
    String refused = app.channels().subscribePresence(channel, connection, member,
        app.limits().maxPresenceMembers());
    if (refused != null) {
      connection.channels().remove(channel);
      reject(connection, channel, refused, 403);
    } else {
      connection.authorize();
      app.observer().get().subscribed(channel, connection.socketId(), member.userId());
    }
  }

  private PresenceMember member(Connection connection, String channel, String channelData) {
    JsonNode data;
    try {
      data = Frames.JSON.readTree(channelData);
    } catch (JacksonException e) {
      data = null;
    }
    JsonNode id = data == null ? null : data.get("user_id");
    if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
      reject(connection, channel, "channel_data must be a JSON object with a user_id", 400);
      return null;
    }
    if (id.asText().length() > app.limits().maxUserIdLength()) {
      reject(connection, channel, "user_id is longer than " + app.limits().maxUserIdLength() + " characters", 400);
      return null;
    }
    JsonNode info = data.get("user_info");
    if (info != null && Frames.stringify(info).getBytes(StandardCharsets.UTF_8).length
        > app.limits().maxUserInfoBytes()) {
      reject(connection, channel, "user_info is larger than " + app.limits().maxUserInfoBytes() + " bytes", 413);
      return null;
    }
    return new PresenceMember(id.asText(), info);
  }

  private boolean authorized(Connection connection, String channel, String auth, String channelData) {
    if (auth != null && app.socketAuth().verifyChannel(connection.socketId(), channel, channelData, auth)) {
      return true;
    }
    reject(connection, channel, auth == null ? "Missing auth for " + channel
        : "Invalid signature: expected HMAC SHA256 hex digest of " + connection.socketId() + ":" + channel
            + (channelData == null ? "" : ":<channel_data>"), 401);
    return false;
  }

  /** Tells the client the subscription failed: a channel-level error pusher-js emits, plus a pusher:error. */
  private void reject(Connection connection, String channel, String message, int status) {
    app.counters().clientError(ErrorCode.UNAUTHORIZED);
    connection.send(Frames.subscriptionError(channel, "AuthError", message, status));
    connection.send(Frames.error(ErrorCode.UNAUTHORIZED, message));
    app.observer().get().subscriptionRejected(channel, connection.socketId(), status, message);
  }

  private void replayCache(Connection connection, String channel) {
    if (!ChannelNames.isCache(channel) || !connection.channels().contains(channel)) {
      return;
    }
    String cached = app.cache().get(channel, app.clock().millis());
    if (cached == null) {
      cached = app.cluster().cachedEvent(channel); // triggered through another node before this one knew of it
    }
    if (cached != null) {
      connection.send(cached);
    } else {
      connection.send(Frames.cacheMiss(channel));
      app.listener().cacheMiss(channel);
    }
  }
}
