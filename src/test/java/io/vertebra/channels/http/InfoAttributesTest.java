package io.vertebra.channels.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InfoAttributesTest {

  @Test
  void unoccupiedChannelsReportZero() throws ApiException {
    InfoAttributes info = InfoAttributes.parse("user_count,subscription_count");
    assertEquals("{\"user_count\":0,\"subscription_count\":0}", info.of("presence-x", null).toString());
    assertEquals("{\"subscription_count\":0}", InfoAttributes.parse("subscription_count").of("x", null).toString());
  }

  @Test
  void userCountIsOnlyForPresenceAndUnknownAttributesAreRefused() throws ApiException {
    InfoAttributes info = InfoAttributes.parse("user_count");
    assertThrows(ApiException.class, () -> info.checkApplicable("private-x"));
    assertDoesNotThrow(() -> info.checkApplicable("presence-x"));
    assertEquals(400, assertThrows(ApiException.class, () -> InfoAttributes.parse("user_count,colour")).status());
  }
}
