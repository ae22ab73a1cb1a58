package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.limits.RateLimiter;
import java.time.Clock;
import java.util.concurrent.Executors;

/** An app and a message handler over recording transports, with connections made on demand. */
final class TestApp {

  final AppCredentials credentials = new AppCredentials("1", "test-key", "test-secret");
  final ChannelsApp app;
  final MessageHandler handler;
  private int next = 1;

  TestApp(Limits limits, ChannelListener listener) {
    app = ChannelsApp.create(credentials, limits, listener, Clock.systemUTC(),
        Executors.newSingleThreadScheduledExecutor());
    handler = new MessageHandler(app);
  }

  /** A registered connection whose frames land in the returned client's sink. */
  Client connect() {
    RecordingSink sink = new RecordingSink(true);
    String socketId = "100." + next++;
    Connection c = new Connection(socketId, new Outbound(sink, 100, 1 << 20, Runnable::run),
        new RateLimiter(app.limits().clientEventsPerSecond(), System::nanoTime), System.nanoTime());
    app.connections().add(c);
    return new Client(c, sink);
  }

  /** A connection and what it received. */
  final class Client {
    final Connection connection;
    final RecordingSink sink;

    Client(Connection connection, RecordingSink sink) {
      this.connection = connection;
      this.sink = sink;
    }

    void send(String frame) {
      handler.onText(connection, frame, System.nanoTime());
    }

    void subscribe(String channel) {
      send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }

    void subscribePrivate(String channel) {
      String auth = app.socketAuth().channelAuth(connection.socketId(), channel, null);
      send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + auth + "\"}}");
    }

    void subscribePresence(String channel, String userId) {
      String data = "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"" + userId + "\"}}";
      String auth = app.socketAuth().channelAuth(connection.socketId(), channel, data);
      send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + auth
          + "\",\"channel_data\":" + io.vertebra.channels.protocol.Frames.JSON.getNodeFactory().textNode(data)
          + "}}");
    }

    void signIn(String userId) {
      signInAs("{\"id\":\"" + userId + "\"}");
    }

    /** Signs in with {@code data} as the user_data string, correctly signed. */
    void signInAs(String data) {
      String auth = app.socketAuth().userAuth(connection.socketId(), data);
      send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"" + auth + "\",\"user_data\":"
          + io.vertebra.channels.protocol.Frames.JSON.getNodeFactory().textNode(data) + "}}");
    }

    void close() {
      handler.onClose(connection);
    }

    String lastErrorMessage() {
      var error = sink.last("pusher:error");
      return error == null ? null : error.path("data").path("message").asText();
    }

    Integer lastErrorCode() {
      var error = sink.last("pusher:error");
      return error == null || error.path("data").path("code").isNull() ? null
          : error.path("data").path("code").asInt();
    }
  }
}
