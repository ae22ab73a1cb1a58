package io.vertebra.channels.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServletTest {

  @Test
  void queryValuesAreDecoded() throws ApiException {
    assertEquals(Map.of("filter_by_prefix", "presence-", "info", "user_count,subscription_count", "flag", ""),
        ApiServlet.query("filter_by_prefix=presence-&info=user_count%2Csubscription_count&flag").values());
  }

  @Test
  void repeatedOrMalformedParametersAreRefused() {
    var repeated = assertThrows(ApiException.class, () -> ApiServlet.query("auth_key=a&auth_key=b"));
    assertEquals(400, repeated.status());
    assertEquals(400, assertThrows(ApiException.class, () -> ApiServlet.query("x=%zz")).status());
  }

  @Test
  void namesThatCollideIgnoringCaseAreRefused() {
    var collision = assertThrows(ApiException.class,
        () -> ApiServlet.query("auth_timestamp=2&body_md5=x&auth_timestamP=1"));
    assertEquals(400, collision.status());
    assertTrue(collision.getMessage().contains("auth_timestamP"), collision.getMessage());
    assertEquals(400, assertThrows(ApiException.class, () -> ApiServlet.query("Info=a&iNFO=b")).status());
  }
}
