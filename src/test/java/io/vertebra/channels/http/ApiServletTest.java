package io.vertebra.channels.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServletTest {

  @Test
  void queryValuesAreDecoded() throws ApiException {
    assertEquals(Map.of("filter_by_prefix", "presence-", "info", "user_count,subscription_count", "flag", ""),
        ApiServlet.query("filter_by_prefix=presence-&info=user_count%2Csubscription_count&flag"));
  }

  @Test
  void repeatedOrMalformedParametersAreRefused() {
    var repeated = assertThrows(ApiException.class, () -> ApiServlet.query("auth_key=a&auth_key=b"));
    assertEquals(400, repeated.status());
    assertEquals(400, assertThrows(ApiException.class, () -> ApiServlet.query("x=%zz")).status());
  }
}
