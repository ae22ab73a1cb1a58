package io.vertebra.channels.limits;

import static io.vertebra.channels.limits.AddressQuotas.Verdict.ADMITTED;
import static io.vertebra.channels.limits.AddressQuotas.Verdict.TOO_FAST;
import static io.vertebra.channels.limits.AddressQuotas.Verdict.TOO_MANY_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressQuotasTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void anAddressHoldsAtMostItsOpenConnectionsAndGetsOneBackWhenOneEnds() {
    AddressQuotas quotas = new AddressQuotas(2, 0);
    assertEquals(ADMITTED, quotas.admit("10.0.0.1", 0));
    assertEquals(ADMITTED, quotas.admit("10.0.0.1", 0));
    assertEquals(TOO_MANY_OPEN, quotas.admit("10.0.0.1", 0));
    assertEquals(ADMITTED, quotas.admit("10.0.0.2", 0), "another address has its own quota");
    quotas.release("10.0.0.1", 0);
    assertEquals(ADMITTED, quotas.admit("10.0.0.1", 0));
  }

  @Test
  void newConnectionsArePacedPerSecond() {
    AddressQuotas quotas = new AddressQuotas(0, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(ADMITTED, quotas.admit("10.0.0.1", 0));
    }
    assertEquals(TOO_FAST, quotas.admit("10.0.0.1", SECOND / 10));
    assertEquals(ADMITTED, quotas.admit("10.0.0.1", SECOND / 2), "1.5 tokens back after half a second");
    assertEquals(TOO_FAST, quotas.admit("10.0.0.1", SECOND / 2));
  }

  @Test
  void aRefusedAddressStaysRememberedUntilItsBucketRefills() {
    AddressQuotas quotas = new AddressQuotas(0, 2);
    quotas.admit("10.0.0.1", 0);
    quotas.admit("10.0.0.1", 0);
    quotas.release("10.0.0.1", 0);
    quotas.release("10.0.0.1", 0);
    assertEquals(TOO_FAST, quotas.admit("10.0.0.1", 0), "closing connections does not refill the bucket");
    quotas.prune(SECOND / 4);
    assertEquals(1, quotas.tracked());
    quotas.prune(2 * SECOND);
    assertEquals(0, quotas.tracked(), "idle and refilled: forgotten");
  }

  @Test
  void anAddressWithOpenConnectionsIsNeverForgotten() {
    AddressQuotas quotas = new AddressQuotas(1, 5);
    quotas.admit("10.0.0.1", 0);
    quotas.prune(60 * SECOND);
    assertEquals(TOO_MANY_OPEN, quotas.admit("10.0.0.1", 60 * SECOND));
  }

  @Test
  void withBothLimitsOffNothingIsTracked() {
    AddressQuotas quotas = new AddressQuotas(0, 0);
    for (int i = 0; i < 1000; i++) {
      assertEquals(ADMITTED, quotas.admit("10.0.0.1", 0));
    }
    assertEquals(0, quotas.tracked());
  }
}
