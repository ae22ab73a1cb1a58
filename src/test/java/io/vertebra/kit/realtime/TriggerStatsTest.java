package io.vertebra.kit.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TriggerStatsTest {

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  @Test
  void countsAndTimestampsTheLastTrigger() throws Exception {
    TriggerStats stats = new TriggerStats();
    assertEquals(0, stats.lastSentMicros());
    assertEquals(0, stats.lastAnsweredMicros());

    long before = nowMicros();
    stats.attempt();
    Thread.sleep(2);
    stats.deliver();
    long after = nowMicros();

    assertEquals(1, stats.attempted());
    assertEquals(1, stats.delivered());
    assertTrue(before <= stats.lastSentMicros(), "sent after the start");
    assertTrue(stats.lastSentMicros() + 1_000 <= stats.lastAnsweredMicros(), "answered 2 ms after sent");
    assertTrue(stats.lastAnsweredMicros() <= after, "answered before the end");
  }

  @Test
  void aFailureLeavesTheAnsweredTimeAlone() {
    TriggerStats stats = new TriggerStats();
    stats.attempt();
    stats.fail();
    assertEquals(1, stats.failed());
    assertTrue(stats.lastSentMicros() > 0);
    assertEquals(0, stats.lastAnsweredMicros());
  }
}
