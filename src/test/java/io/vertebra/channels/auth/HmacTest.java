package io.vertebra.channels.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HmacTest {

  @Test
  void constantTimeEqualsComparesWholeStrings() {
    assertTrue(Hmac.constantTimeEquals("abc", "abc"));
    assertFalse(Hmac.constantTimeEquals("abc", "abd"));
    assertFalse(Hmac.constantTimeEquals("abc", "abcd"));
    assertFalse(Hmac.constantTimeEquals("abc", null));
    assertFalse(Hmac.constantTimeEquals(null, null));
  }
}
