package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.pusher.client.connection.ConnectionState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pusher's "authorized connections" ({@code CHANNELS_AUTHORIZATION_TIMEOUT}) with the real pusher-java-client: a
 * connection that only holds a public subscription is closed with 4009 and, as the protocol says for 4000-4099,
 * does not come back; one with a signed private subscription stays and keeps receiving.
 */
class AuthorizedConnectionsIT {

  @Test
  void anonymousConnectionsAreClosedAfterTheTimeoutAndAuthorizedOnesStay() throws Exception {
    // 4 s leaves the authorized client room to connect and subscribe on a loaded machine before its own timeout.
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_AUTHORIZATION_TIMEOUT", "4"));
        JavaClient authorized = new JavaClient(server, "b")) {
      authorized.subscribe("private-desk", "headline");
      JavaClient anonymous = new JavaClient(server, "a");
      anonymous.subscribe("news", "headline");

      waitFor(anonymous, ConnectionState.DISCONNECTED, 10_000);
      Thread.sleep(2_000); // the client's reconnect back-off starts at 1 s; a 4009 close must not trigger one
      assertEquals(ConnectionState.DISCONNECTED, anonymous.pusher.getConnection().getState(),
          "a 4009 close is final for a Pusher client");
      assertEquals(ConnectionState.CONNECTED, authorized.pusher.getConnection().getState());
      assertEquals(1, server.stats().connections());

      server.rest().trigger("private-desk", "headline", Map.of("n", 1));
      assertNotNull(authorized.next(5_000), "the authorized connection still receives");
      anonymous.close();
    }
  }

  private static void waitFor(JavaClient client, ConnectionState state, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (client.pusher.getConnection().getState() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + client.pusher.getConnection().getState() + " after " + millis + " ms");
      }
      Thread.sleep(20);
    }
  }
}
