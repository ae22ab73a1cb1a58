package io.vertebra.reliability;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import io.vertebra.testing.PusherJavaClients;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pusher-java-client on the {@code posts} channel, left to its own reconnection logic: remembers when each
 * post title was first seen in a {@code post:create} or {@code post:change} event.
 */
final class JavaSubscriber implements AutoCloseable {

  private final Pusher pusher;
  private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
  private volatile long connectedAt;
  private volatile String subscribedOn;
  private volatile long subscribedAt;

  JavaSubscriber(String key, int port) throws InterruptedException {
    pusher = new Pusher(key, new PusherOptions().setHost("127.0.0.1").setWsPort(port).setUseTLS(false)
        .setMaxReconnectionAttempts(20).setMaxReconnectGapInSeconds(2));
    PusherJavaClients.connect(pusher, "127.0.0.1:" + port);
    pusher.getConnection().bind(ConnectionState.CONNECTED, new ConnectionEventListener() {
      @Override
      public void onConnectionStateChange(ConnectionStateChange change) {
        connectedAt = System.nanoTime();
      }

      @Override
      public void onError(String message, String code, Exception e) {}
    });
    pusher.subscribe("posts", new ChannelEventListener() {
      @Override
      public void onSubscriptionSucceeded(String channel) {
        subscribedAt = System.nanoTime();
        subscribedOn = pusher.getConnection().getSocketId();
      }

      @Override
      public void onEvent(PusherEvent event) {
        String data = event.getData();
        int at = data.indexOf("\"title\":\"");
        if (at >= 0) {
          seenAt.putIfAbsent(data.substring(at + 9, data.indexOf('"', at + 9)), System.nanoTime());
        }
      }
    }, "post:create", "post:change");
  }

  /** When the event carrying {@code title} arrived (System.nanoTime), or null. */
  Long seen(String title) {
    return seenAt.get(title);
  }

  /** When the client last (re)connected (System.nanoTime). */
  long connectedAt() {
    return connectedAt;
  }

  boolean connected() {
    return pusher.getConnection().getState() == ConnectionState.CONNECTED;
  }

  /** When the last subscription succeeded (System.nanoTime). */
  long subscribedAt() {
    return subscribedAt;
  }

  /** The socket id of the current connection (null before the first one). */
  String socketId() {
    return pusher.getConnection().getSocketId();
  }

  /**
   * Whether the client is connected and subscribed on a connection other than {@code oldSocketId}: only then can
   * an event reach it, since Pusher delivers to subscribed sockets only and replays nothing.
   */
  boolean subscribedSince(String oldSocketId) {
    String socketId = socketId();
    return connected() && socketId != null && !socketId.equals(oldSocketId) && socketId.equals(subscribedOn);
  }

  @Override
  public void close() {
    pusher.disconnect();
  }
}
