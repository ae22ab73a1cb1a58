package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.protocol.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading must not hold up anyone else, nor grow the server's memory without bound: it is
 * disconnected with 4100 once its send queue is full, while a client that keeps reading gets every event.
 */
class SlowConsumerIT {

  private static final int EVENTS = 1_000;
  private static final int BATCH = 10;

  @Test
  void aStalledClientIsClosedWith4100WhileOthersReceiveEverything() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_SEND_QUEUE_FRAMES", "50"));
        RawSocket fast = RawSocket.open(server, "/app/" + server.key() + "?protocol=7");
        RawSocket stalled = RawSocket.stalled(server)) {
      fast.socketId();
      fast.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
      stalled.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
      assertNotNull(fast.next("pusher_internal:subscription_succeeded", 5000));
      waitForSubscribers(server, 2);

      SignedHttp http = new SignedHttp(server);
      String payload = "\\\"" + "z".repeat(9_000) + "\\\"";
      long start = System.nanoTime();
      int received = 0;
      for (int i = 0; i < EVENTS / BATCH; i++) {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int j = 0; j < BATCH; j++) {
          batch.append(j == 0 ? "" : ",").append("{\"channel\":\"firehose\",\"name\":\"tick\",\"data\":\"")
              .append(payload).append("\"}");
        }
        assertEquals(200, http.send("POST", "/apps/" + server.appId() + "/batch_events", batch + "]}").status());
        // The reading client keeps up: it has the batch before this one before the next is sent, so at most two
        // batches (20 frames) wait for it. Unpaced, a reader starved of CPU on a loaded machine fell 50 frames
        // behind and was, rightly, closed as a slow consumer ("fast client got event 907").
        for (; received < i * BATCH; received++) {
          assertNotNull(fast.next("tick", 10_000), "fast client got event " + received);
        }
      }
      long triggerMillis = (System.nanoTime() - start) / 1_000_000;
      for (; received < EVENTS; received++) {
        assertNotNull(fast.next("tick", 10_000), "fast client got event " + received);
      }
      stalled.startReading();
      assertEquals(ErrorCode.OVER_CAPACITY, stalled.awaitClose(10_000));
      System.out.println("SlowConsumerIT: " + EVENTS + " x 9 KB events triggered in " + triggerMillis + " ms");
      assertTrue(triggerMillis < 30_000, "triggers were not held up by the stalled client");
    }
  }

  private static void waitForSubscribers(ChannelsTestServer server, int count) throws Exception {
    for (int i = 0; i < 100; i++) {
      var info = new SignedHttp(server).send("GET", "/apps/" + server.appId() + "/channels/firehose",
          null, new SignedHttp(server).signedQuery("GET", "/apps/" + server.appId() + "/channels/firehose", null,
              System.currentTimeMillis() / 1000, Map.of("info", "subscription_count")));
      if (info.body().path("subscription_count").asInt() == count) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("subscribers did not arrive");
  }
}
