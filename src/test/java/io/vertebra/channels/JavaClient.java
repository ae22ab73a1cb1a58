package io.vertebra.channels;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import io.vertebra.testing.PusherJavaClients;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pusher-java-client connected to a {@link ChannelsTestServer}, authorizing private and presence channels with
 * pusher-http-java's authenticate() (as an app's auth endpoint would), and collecting events in a queue.
 */
public final class JavaClient implements AutoCloseable {

  public final Pusher pusher;
  public final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();

  public JavaClient(ChannelsTestServer server, String userId) throws InterruptedException {
    this(server.port(), server.key(), server.rest(), userId);
  }

  /** A client of the server on {@code port} whose app has {@code key}, authorized by {@code rest}. */
  public JavaClient(int port, String key, com.pusher.rest.Pusher rest, String userId) throws InterruptedException {
    PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(port).setUseTLS(false)
        .setChannelAuthorizer((channel, socketId) -> channel.startsWith("presence-")
            ? rest.authenticate(socketId, channel,
                new com.pusher.rest.data.PresenceUser(userId, java.util.Map.of("name", "User " + userId)))
            : rest.authenticate(socketId, channel));
    pusher = new Pusher(key, options);
    PusherJavaClients.connect(pusher, "127.0.0.1:" + port);
  }

  public String socketId() {
    return pusher.getConnection().getSocketId();
  }

  /** Subscribes to a public or private channel and waits for the confirmation; events land in {@link #events}. */
  public void subscribe(String channel, String... eventNames) throws InterruptedException {
    CountDownLatch ok = new CountDownLatch(1);
    PrivateChannelEventListener listener = new PrivateChannelEventListener() {
      @Override
      public void onSubscriptionSucceeded(String name) {
        ok.countDown();
      }

      @Override
      public void onEvent(PusherEvent event) {
        events.add(event);
      }

      @Override
      public void onAuthenticationFailure(String message, Exception e) {}
    };
    if (channel.startsWith("private-")) {
      pusher.subscribePrivate(channel, listener, eventNames);
    } else {
      pusher.subscribe(channel, listener, eventNames);
    }
    if (!ok.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("did not subscribe to " + channel);
    }
  }

  /** The next event, or null after {@code millis}. */
  public PusherEvent next(long millis) throws InterruptedException {
    return events.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    pusher.disconnect();
  }
}
