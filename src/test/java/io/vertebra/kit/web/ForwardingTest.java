package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTest {

  private final TrustedProxies trusted = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");

  private Forwarding xff(String forwardedFor, String proto, String host) {
    return Forwarding.resolve(List.of(), lines(forwardedFor), lines(proto), lines(host), trusted);
  }

  private static List<String> lines(String value) {
    return value == null ? List.of() : List.of(value);
  }

  @Test
  void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
    Forwarding f = xff("6.6.6.6, 203.0.113.9, 10.1.1.1", "https", "app.example.com");
    assertEquals("203.0.113.9", f.client().getHostAddress(), "what the client wrote itself (6.6.6.6) is ignored");
    assertEquals("https", f.proto());
    assertEquals("app.example.com", f.host());
  }

  @Test
  void aChainOfOnlyTrustedProxiesGivesItsOldestHop() {
    assertEquals("10.2.2.2", xff("10.2.2.2, 10.1.1.1", null, null).client().getHostAddress());
  }

  @Test
  void headerLinesAreOneList() {
    Forwarding f = Forwarding.resolve(List.of(), List.of("6.6.6.6", "198.51.100.7"), List.of("http", "https"),
        List.of(), trusted);
    assertEquals("198.51.100.7", f.client().getHostAddress());
    assertEquals("https", f.proto(), "the nearest proxy's value");
  }

  @Test
  void garbageIsIgnoredNotBelieved() {
    Forwarding f = xff("unknown", "javascript", "evil.example/path");
    assertNull(f.client());
    assertNull(f.proto());
    assertNull(f.host());
    assertTrue(f.isEmpty());
    assertNull(xff("a@b, 1.2.3.4", null, "user@host").host());
    assertNull(xff("x", null, "host name").host());
  }

  @Test
  void rfc7239ForwardedWinsAndQuotedIpv6WithPortsIsRead() {
    Forwarding f = Forwarding.resolve(
        List.of("for=6.6.6.6;proto=http;host=forged.example, for=\"[2001:db8::7]:4711\";proto=https;"
            + "host=app.example.com", "for=10.0.0.3;proto=http;host=internal"),
        List.of("9.9.9.9"), List.of("http"), List.of("other.example"), trusted);
    assertEquals("2001:db8:0:0:0:0:0:7", f.client().getHostAddress());
    assertEquals("https", f.proto(), "what the outermost trusted proxy saw");
    assertEquals("app.example.com", f.host());
  }

  @Test
  void forwardedWithPortOnIpv4() {
    Forwarding f = Forwarding.resolve(List.of("for=198.51.100.17:61000;proto=https"), List.of(), List.of(),
        List.of(), trusted);
    assertEquals("198.51.100.17", f.client().getHostAddress());
    assertNull(f.host());
  }
}
