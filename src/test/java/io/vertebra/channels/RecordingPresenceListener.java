package io.vertebra.channels;

import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pusher-java-client presence listener that records what happens as short strings ("users:2", "added:bob",
 * "removed:bob", "failed:...", "event:client-x") and can wait for the subscription.
 */
public final class RecordingPresenceListener implements PresenceChannelEventListener {

  public final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
  private final CountDownLatch joined = new CountDownLatch(1);

  /** Subscribes {@code client} to {@code channel} with a new recorder and waits until it has joined. */
  public static RecordingPresenceListener join(JavaClient client, String channel) throws InterruptedException {
    RecordingPresenceListener listener = new RecordingPresenceListener();
    client.pusher.subscribePresence(channel, listener);
    if (!listener.joined.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("did not join " + channel + ": " + listener.changes);
    }
    return listener;
  }

  /** The next change, or null after five seconds. */
  public String next() throws InterruptedException {
    return changes.poll(5, TimeUnit.SECONDS);
  }

  @Override
  public void onUsersInformationReceived(String channel, Set<User> users) {
    changes.add("users:" + users.size());
    joined.countDown();
  }

  @Override
  public void userSubscribed(String channel, User user) {
    changes.add("added:" + user.getId());
  }

  @Override
  public void userUnsubscribed(String channel, User user) {
    changes.add("removed:" + user.getId());
  }

  @Override
  public void onAuthenticationFailure(String message, Exception e) {
    changes.add("failed:" + message);
  }

  @Override
  public void onSubscriptionSucceeded(String channel) {}

  @Override
  public void onEvent(PusherEvent event) {
    changes.add("event:" + event.getEventName());
  }
}
