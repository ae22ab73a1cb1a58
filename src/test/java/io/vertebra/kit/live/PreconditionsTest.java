package io.vertebra.kit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertebra.kit.web.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** If-Match in the ETag form {@code "7"} and its agreement with the body's version. */
class PreconditionsTest {

  @Test
  @DisplayName("If-Match takes the quoted version, weak or not; * and absence mean unconditional")
  void parsesIfMatch() {
    assertEquals(7L, Preconditions.parseIfMatch("\"7\""));
    assertEquals(7L, Preconditions.parseIfMatch(" W/\"7\" "));
    assertNull(Preconditions.parseIfMatch(null));
    assertNull(Preconditions.parseIfMatch("*"));
    for (String bad : new String[] {"7", "\"\"", "\"07\"", "\"-1\"", "\"1\", \"2\"", "\"99999999999999999999\""}) {
      ApiException e = assertThrows(ApiException.class, () -> Preconditions.parseIfMatch(bad), bad);
      assertEquals("If-Match", e.field());
    }
  }

  @Test
  @DisplayName("header and body versions must agree when both are given")
  void agreement() {
    assertEquals(3L, Preconditions.expectedVersion("\"3\"", 3L));
    assertEquals(3L, Preconditions.expectedVersion(null, 3L));
    assertEquals(4L, Preconditions.expectedVersion("\"4\"", null));
    assertNull(Preconditions.expectedVersion(null, null));
    assertEquals("version", assertThrows(ApiException.class,
        () -> Preconditions.expectedVersion("\"4\"", 3L)).field());
  }
}
