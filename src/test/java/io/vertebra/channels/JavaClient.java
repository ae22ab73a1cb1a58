package io.vertebra.channels;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PusherEvent;
import io.vertebra.testing.PusherJavaClients;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pusher-java-client connected to a {@link ChannelsTestServer}, authorizing private and presence channels with
 * pusher-http-java's authenticate() (as an app's auth endpoint would), and collecting events in a queue.
 */
final class JavaClient implements AutoCloseable {

  final Pusher pusher;
  final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();

  JavaClient(ChannelsTestServer server, String userId) throws InterruptedException {
    PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false)
        .setChannelAuthorizer((channel, socketId) -> channel.startsWith("presence-")
            ? server.rest().authenticate(socketId, channel,
                new com.pusher.rest.data.PresenceUser(userId, java.util.Map.of("name", "User " + userId)))
            : server.rest().authenticate(socketId, channel));
    pusher = new Pusher(server.key(), options);
    PusherJavaClients.connect(pusher, "127.0.0.1:" + server.port());
  }

  String socketId() {
    return pusher.getConnection().getSocketId();
  }

  /** The next event, or null after {@code millis}. */
  PusherEvent next(long millis) throws InterruptedException {
    return events.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    pusher.disconnect();
  }
}
