package io.vertebra.channels.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryAdmissionTest {

  private static final long MAX = 1_000_000;

  @Test
  void refusesAboveTheLimitAndAdmitsAgainOnlyWellBelowIt() {
    MemoryAdmission admission = new MemoryAdmission(90, MAX);
    admission.afterCollection(890_000);
    assertTrue(admission.admits());
    admission.afterCollection(910_000);
    assertFalse(admission.admits(), "91 % > 90 %");
    admission.afterCollection(870_000);
    assertFalse(admission.admits(), "87 % is not yet below 95 % of the limit (85.5 %): no flapping at the edge");
    admission.afterCollection(850_000);
    assertTrue(admission.admits());
    assertEquals(850_000, admission.heapAfterCollectionBytes());
  }

  @Test
  void aLimitOfZeroNeverRefuses() {
    MemoryAdmission admission = new MemoryAdmission(0, MAX);
    admission.afterCollection(MAX);
    assertTrue(admission.admits());
  }

  @Test
  void readingsComeFromThisJvmsCollections() throws Exception {
    MemoryAdmission admission = new MemoryAdmission(0, Runtime.getRuntime().maxMemory());
    try (AutoCloseable watching = admission.watchCollections()) {
      System.gc();
      for (int i = 0; i < 100 && admission.heapAfterCollectionBytes() < 0; i++) {
        Thread.sleep(20);
      }
      assertTrue(admission.heapAfterCollectionBytes() > 0, "a collection was reported");
    }
  }
}
