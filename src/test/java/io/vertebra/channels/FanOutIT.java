package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Many subscribers on one channel: every one receives every event, in trigger order, with the exact data. Prints
 * the delivery figures (informational; the machine is shared, so they are not asserted).
 */
class FanOutIT {

  private static final int SUBSCRIBERS = 200;
  private static final int EVENTS = 100;

  @Test
  void everySubscriberGetsEveryEventInOrder() throws Exception {
    List<RawSocket> sockets = new ArrayList<>();
    try (ChannelsTestServer server = new ChannelsTestServer()) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        RawSocket s = RawSocket.open(server, "/app/" + server.key() + "?protocol=7");
        sockets.add(s);
        s.socketId();
        s.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"fan\"}}");
      }
      for (RawSocket s : sockets) {
        assertNotNull(s.next("pusher_internal:subscription_succeeded", 10_000));
      }

      long single = System.nanoTime();
      server.rest().trigger("fan", "first", Map.of("n", -1));
      for (RawSocket s : sockets) {
        assertNotNull(s.next("first", 10_000));
      }
      double singleMillis = (System.nanoTime() - single) / 1e6;

      long start = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        server.rest().trigger("fan", "tick", Map.of("n", i));
      }
      for (RawSocket s : sockets) {
        for (int i = 0; i < EVENTS; i++) {
          JsonNode frame = s.next("tick", 10_000);
          assertNotNull(frame, "event " + i);
          assertEquals(i, TestJson.data(frame).get("n").asInt(), "in trigger order");
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("FanOutIT: one event to %d subscribers in %.1f ms; %d events x %d subscribers = %d "
          + "deliveries in %.2f s (%.0f deliveries/s, triggers sent one by one over HTTP)%n", SUBSCRIBERS,
          singleMillis, EVENTS, SUBSCRIBERS, EVENTS * SUBSCRIBERS, seconds, EVENTS * SUBSCRIBERS / seconds);
    } finally {
      sockets.forEach(RawSocket::close);
    }
  }
}
