package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.channels.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class PusherUpgradeTest {

  private static Integer code(String protocol) {
    Rejection r = PusherUpgrade.protocolProblem(protocol);
    return r == null ? null : r.code();
  }

  @Test
  void acceptsProtocolsFiveToSeven() {
    assertNull(code("5"));
    assertNull(code("7"));
  }

  @Test
  void versionProblemsHaveTheirDocumentedCodes() {
    assertEquals(ErrorCode.NO_PROTOCOL_VERSION, code(null));
    assertEquals(ErrorCode.NO_PROTOCOL_VERSION, code(""));
    assertEquals(ErrorCode.INVALID_VERSION_FORMAT, code("seven"));
    assertEquals(ErrorCode.UNSUPPORTED_PROTOCOL, code("4"));
    assertEquals(ErrorCode.UNSUPPORTED_PROTOCOL, code("8"));
  }

  @Test
  void theKeyIsTheOneSegmentAfterApp() {
    assertEquals("abc", PusherUpgrade.key("/app/abc"));
    assertNull(PusherUpgrade.key("/app"));
    assertNull(PusherUpgrade.key("/app/"));
    assertNull(PusherUpgrade.key("/app/abc/def"));
    assertNull(PusherUpgrade.key(null));
  }
}
