package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.channels.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PusherWebSocketServletTest {

  private static Integer code(Map<String, List<String>> params) {
    Rejection r = PusherWebSocketServlet.protocolProblem(params);
    return r == null ? null : r.code();
  }

  @Test
  void acceptsProtocolsFiveToSeven() {
    assertNull(code(Map.of("protocol", List.of("5"))));
    assertNull(code(Map.of("protocol", List.of("7"))));
  }

  @Test
  void versionProblemsHaveTheirDocumentedCodes() {
    assertEquals(ErrorCode.NO_PROTOCOL_VERSION, code(Map.of()));
    assertEquals(ErrorCode.INVALID_VERSION_FORMAT, code(Map.of("protocol", List.of("seven"))));
    assertEquals(ErrorCode.UNSUPPORTED_PROTOCOL, code(Map.of("protocol", List.of("4"))));
    assertEquals(ErrorCode.UNSUPPORTED_PROTOCOL, code(Map.of("protocol", List.of("8"))));
  }
}
