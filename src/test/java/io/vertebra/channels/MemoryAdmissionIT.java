package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.ErrorCode;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Memory admission end to end, on this JVM's real collections: with a retained block above
 * {@code CHANNELS_MEMORY_LIMIT_PERCENT} of the heap, a new connection gets 4100 (Pusher clients retry later); once
 * the block is freed and collected, connections are admitted again.
 */
class MemoryAdmissionIT {

  @Test
  void newConnectionsAreRefusedWith4100WhileTheHeapIsOverTheLimit() throws Exception {
    // The limit sits 2 points above what this test JVM (shared with other ITs) holds now, and the ballast adds 5.
    long max = Runtime.getRuntime().maxMemory();
    System.gc();
    long base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int limit = (int) Math.ceil(100.0 * base / max) + 2;
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_MEMORY_LIMIT_PERCENT",
        Integer.toString(limit)))) {
      var memory = server.app().connections().memory();
      byte[][] ballast = new byte[64][];
      for (int i = 0; i < ballast.length; i++) {
        ballast[i] = new byte[(int) (max / 20 / ballast.length)];
      }
      collectUntil(() -> !memory.admits(), "the heap over " + limit + " % was not reported");

      try (RawSocket refused = RawSocket.open(server, path(server))) {
        JsonNode error = refused.next("pusher:error", 5_000);
        assertNotNull(error);
        assertEquals(ErrorCode.OVER_CAPACITY, error.path("data").path("code").asInt(), error.toString());
        assertEquals(ErrorCode.OVER_CAPACITY, refused.awaitClose(5_000));
      }

      ballast = null;
      collectUntil(memory::admits, "admission did not reopen after the ballast was collected");
      try (RawSocket admitted = RawSocket.open(server, path(server))) {
        assertNotNull(admitted.next("pusher:connection_established", 5_000));
      }
    }
  }

  private static void collectUntil(java.util.function.BooleanSupplier condition, String failure)
      throws InterruptedException {
    for (int i = 0; i < 50 && !condition.getAsBoolean(); i++) {
      System.gc();
      Thread.sleep(100);
    }
    if (!condition.getAsBoolean()) {
      throw new AssertionError(failure);
    }
  }

  private static String path(ChannelsTestServer server) {
    return "/app/" + server.key() + "?protocol=7";
  }
}
