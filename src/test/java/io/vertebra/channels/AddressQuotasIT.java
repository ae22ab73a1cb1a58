package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-address connection quotas over real WebSockets from one address (loopback): the documented pusher:error and
 * close code for each, and the quota given back when a connection ends or the rate bucket refills.
 */
class AddressQuotasIT {

  @Test
  void anAddressOverItsOpenConnectionQuotaIsRefusedWith4004UntilOneCloses() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_MAX_CONNECTIONS_PER_IP", "3"))) {
      List<RawSocket> open = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          open.add(established(server));
        }
        RawSocket fourth = RawSocket.open(server, path(server));
        JsonNode error = fourth.next("pusher:error", 5_000);
        assertNotNull(error, "the fourth connection is refused");
        assertEquals(ErrorCode.OVER_CONNECTION_QUOTA, error.path("data").path("code").asInt());
        assertEquals(ErrorCode.OVER_CONNECTION_QUOTA, fourth.awaitClose(5_000));

        open.remove(0).close();
        waitForConnections(server, 2);
        open.add(established(server)); // the quota came back with the closed connection
      } finally {
        open.forEach(RawSocket::close);
      }
    }
  }

  @Test
  void anAddressOpeningConnectionsTooFastIsToldToRetryWith4301() throws Exception {
    try (ChannelsTestServer server =
        new ChannelsTestServer(Map.of("CHANNELS_NEW_CONNECTIONS_PER_IP_PER_SECOND", "2"))) {
      List<RawSocket> sockets = new ArrayList<>();
      try {
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
          RawSocket socket = RawSocket.open(server, path(server));
          sockets.add(socket);
          JsonNode first = socket.next(5_000);
          if ("pusher:error".equals(first.path("event").asText())) {
            assertEquals(ErrorCode.CONNECTION_RATE_LIMIT, first.path("data").path("code").asInt());
            assertEquals(ErrorCode.CONNECTION_RATE_LIMIT, socket.awaitClose(5_000));
            refused++;
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // A bucket of 2 refilled at 2 a second admits at most 2 + 2 * seconds of the 8.
        assertTrue(refused >= 8 - (2 + (int) Math.ceil(2 * seconds)), refused + " refused in " + seconds + " s");
        assertTrue(refused > 0 || seconds > 3, "nothing refused in " + seconds + " s");

        Thread.sleep(1_100); // the bucket refills
        sockets.add(established(server));
      } finally {
        sockets.forEach(RawSocket::close);
      }
    }
  }

  private static RawSocket established(ChannelsTestServer server) throws InterruptedException {
    RawSocket socket = RawSocket.open(server, path(server));
    JsonNode first = socket.next(5_000);
    assertNotNull(first);
    assertEquals("pusher:connection_established", first.path("event").asText(), first.toString());
    return socket;
  }

  private static String path(ChannelsTestServer server) {
    return "/app/" + server.key() + "?protocol=7";
  }

  private static void waitForConnections(ChannelsTestServer server, int expected) throws InterruptedException {
    for (int i = 0; i < 200 && server.stats().connections() != expected; i++) {
      Thread.sleep(25);
    }
    assertEquals(expected, server.stats().connections());
  }
}
