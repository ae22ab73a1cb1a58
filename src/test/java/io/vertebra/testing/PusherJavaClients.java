package io.vertebra.testing;

import com.pusher.client.Pusher;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Helpers for tests that use the real pusher-java-client against a server started by the test. */
public final class PusherJavaClients {

  private PusherJavaClients() {}

  /** Connects {@code pusher} and waits until it is CONNECTED; fails the test after 10 s naming {@code where}. */
  public static void connect(Pusher pusher, String where) throws InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    pusher.connect(new ConnectionEventListener() {
      @Override
      public void onConnectionStateChange(ConnectionStateChange change) {
        if (change.getCurrentState() == ConnectionState.CONNECTED) {
          connected.countDown();
        }
      }

      @Override
      public void onError(String message, String code, Exception e) {}
    }, ConnectionState.ALL);
    if (!connected.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("pusher-java-client did not connect to " + where);
    }
  }
}
