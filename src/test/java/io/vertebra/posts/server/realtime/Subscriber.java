package io.vertebra.posts.server.realtime;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import io.vertebra.testing.PusherJavaClients;
import com.pusher.client.channel.User;
import com.pusher.client.util.HttpChannelAuthorizer;
import io.vertebra.server.AppServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real pusher-java-client connected to a test server, as a browser's pusher-js would be: subscribes, records
 * every event it receives, and authorizes presence channels through {@code /pusher/auth} with a session cookie.
 */
final class Subscriber implements AutoCloseable {

  final Pusher pusher;
  final LinkedBlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();

  /** Connects; {@code sessionCookie} (may be null) is sent to {@code /pusher/auth}. */
  Subscriber(AppServer server, String sessionCookie) throws InterruptedException {
    HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(server.baseUrl() + "/pusher/auth");
    Map<String, String> headers = new HashMap<>();
    if (sessionCookie != null) {
      headers.put("Cookie", sessionCookie);
    }
    authorizer.setHeaders(headers);
    PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false)
        .setChannelAuthorizer(authorizer);
    pusher = new Pusher(server.realtime().key(), options);
    PusherJavaClients.connect(pusher, server.baseUrl());
  }

  String socketId() {
    return pusher.getConnection().getSocketId();
  }

  /** Subscribes to a public channel and waits for the confirmation. */
  void subscribe(String channel, String... eventNames) throws InterruptedException {
    CountDownLatch ok = new CountDownLatch(1);
    pusher.subscribe(channel, new ChannelEventListener() {
      @Override
      public void onSubscriptionSucceeded(String name) {
        ok.countDown();
      }

      @Override
      public void onEvent(PusherEvent event) {
        events.add(event);
      }
    }, eventNames);
    if (!ok.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("subscription to " + channel + " not confirmed");
    }
  }

  /**
   * Subscribes to a presence channel; completes with the members on success, exceptionally on an authorization
   * failure.
   */
  CompletableFuture<Set<User>> subscribePresence(String channel) {
    CompletableFuture<Set<User>> members = new CompletableFuture<>();
    pusher.subscribePresence(channel, new PresenceChannelEventListener() {
      @Override
      public void onUsersInformationReceived(String name, Set<User> users) {
        members.complete(users);
      }

      @Override
      public void userSubscribed(String name, User user) {}

      @Override
      public void userUnsubscribed(String name, User user) {}

      @Override
      public void onAuthenticationFailure(String message, Exception e) {
        members.completeExceptionally(new AssertionError("authorization failed: " + message, e));
      }

      @Override
      public void onSubscriptionSucceeded(String name) {}

      @Override
      public void onEvent(PusherEvent event) {
        events.add(event);
      }
    });
    return members;
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
