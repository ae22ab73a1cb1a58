package io.vertebra.kit.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.PusherAsync;
import io.vertebra.testing.PusherJavaClients;
import io.vertebra.testing.TestApp;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CHANNELS_ENCRYPTION_MASTER_KEY reaches the server's own pusher-http-java client, the one its triggers and its
 * {@code /pusher/auth} use: a pusher-java-client authorized by it decrypts what it triggers on a
 * {@code private-encrypted-} channel, while the channels server only relays ciphertext. Without the key, that client
 * refuses to authorize an encrypted channel.
 */
class EncryptionMasterKeyIT {

  private static final String CHANNEL = "private-encrypted-notes";

  @Test
  void theKitsClientEncryptsTriggersAndAuthorizesEncryptedChannels() throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    try (TestApp app = TestApp.serve(Map.of("CHANNELS_ENCRYPTION_MASTER_KEY",
        Base64.getEncoder().encodeToString(raw)))) {
      app.start();
      PusherAsync kit = app.server().posts().pusher();
      int port = app.server().port();
      BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
      BlockingQueue<String> failures = new LinkedBlockingQueue<>();
      CountDownLatch subscribed = new CountDownLatch(1);
      // What /pusher/auth answers: the same client's authenticate(), with the channel's shared_secret.
      Pusher client = new Pusher(app.server().realtime().key(), new PusherOptions().setHost("127.0.0.1")
          .setWsPort(port).setUseTLS(false)
          .setChannelAuthorizer((channel, socketId) -> kit.authenticate(socketId, channel)));
      try {
        PusherJavaClients.connect(client, "127.0.0.1:" + port);
        client.subscribePrivateEncrypted(CHANNEL, new PrivateEncryptedChannelEventListener() {
          @Override
          public void onDecryptionFailure(String event, String reason) {
            failures.add(event + ": " + reason);
          }

          @Override
          public void onSubscriptionSucceeded(String channel) {
            subscribed.countDown();
          }

          @Override
          public void onAuthenticationFailure(String message, Exception e) {}

          @Override
          public void onEvent(PusherEvent event) {
            events.add(event);
          }
        }, "note");
        assertTrue(subscribed.await(10, TimeUnit.SECONDS), "subscribed with the shared secret from the kit");
        assertEquals(200, kit.trigger(CHANNEL, "note", "{\"text\":\"for your eyes only\"}").get(30, TimeUnit.SECONDS)
            .getHttpStatus());
        PusherEvent event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "the encrypted event arrived; decryption failures: " + failures);
        assertEquals("{\"text\":\"for your eyes only\"}", event.getData(), "decrypted with the channel's secret");
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void withoutTheKeyTheKitsClientDoesNotAuthorizeEncryptedChannels() throws Exception {
    try (TestApp app = TestApp.serve()) {
      app.start();
      assertThrows(RuntimeException.class, () -> app.server().posts().pusher().authenticate("1.2", CHANNEL));
    }
  }
}
