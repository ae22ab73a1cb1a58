package io.vertebra.framework.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spacing of forced reconnects during an outage: quick at first, then backing off. */
class ForcedReconnectsTest {

  @Test
  void theFirstRestartOfAnOutageIsImmediate() {
    ForcedReconnects forced = new ForcedReconnects();
    forced.outageStarted(1_000_000);

    assertTrue(forced.due(1_000_000));
    assertFalse(forced.due(1_000_000 + 2_999));
    assertTrue(forced.due(1_000_000 + 3_000));
  }

  @Test
  void everyThreeSecondsForThirtySecondsThenDoublingToThirty() {
    ForcedReconnects forced = new ForcedReconnects();
    forced.outageStarted(0);

    // The app server answers every second (the probe), for three minutes.
    List<Integer> restarts = new ArrayList<>();
    for (int t = 0; t <= 180_000; t += 1_000) {
      if (forced.due(t)) {
        restarts.add(t / 1_000);
      }
    }

    assertEquals(List.of(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 39, 51, 75, 105, 135, 165), restarts);
  }

  @Test
  void aNewOutageIsQuickAgain() {
    ForcedReconnects forced = new ForcedReconnects();
    forced.outageStarted(0);
    for (int t = 0; t <= 120_000; t += 1_000) {
      forced.due(t);
    }

    forced.outageStarted(200_000);

    assertTrue(forced.due(200_000));
    assertTrue(forced.due(203_000));
  }
}
