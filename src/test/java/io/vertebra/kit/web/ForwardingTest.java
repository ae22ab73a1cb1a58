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

  private Forwarding forwarded(String... lines) {
    return Forwarding.resolve(List.of(lines), List.of(), List.of(), List.of(), trusted);
  }

  @Test
  void aCommaInsideAQuotedValueDoesNotSplitTheElement() {
    // RFC 7239 values may be quoted-strings holding ',' (section 4): one element here, not two.
    Forwarding f = forwarded("for=198.51.100.17;by=\"proxy,one\";proto=https");
    assertEquals("198.51.100.17", f.client().getHostAddress());
    assertEquals("https", f.proto());
  }

  @Test
  void aSemicolonInsideAQuotedValueDoesNotStartAPair() {
    Forwarding f = forwarded("for=198.51.100.17;proto=https;ext=\"x;proto=http\"");
    assertEquals("https", f.proto(), "the quoted ';proto=http' is part of ext's value");
    assertEquals("198.51.100.17", f.client().getHostAddress());
  }

  @Test
  void aQuotedForWithACommaIsOneHopThatIsNoAddress() {
    // for="a,b" is one (unusable) hop: the element the trusted proxy added after it still names the client.
    Forwarding f = forwarded("for=\"a,b\", for=203.0.113.9;proto=https");
    assertEquals("203.0.113.9", f.client().getHostAddress());
    assertEquals("https", f.proto());
    assertNull(forwarded("for=\"a,b\"").client(), "the hop \"a,b\" is not an address");
    assertTrue(forwarded("for=\"a,b\";proto=https").isEmpty(), "nor is half of it believed");
  }

  @Test
  void quotedIpv6WithPortThenATrustedHop() {
    Forwarding f = forwarded("for=\"[2001:db8::1]:80\";proto=https, for=10.1.2.3");
    assertEquals("2001:db8:0:0:0:0:0:1", f.client().getHostAddress());
    assertEquals("https", f.proto());
  }

  @Test
  void escapedQuotesInsideAQuotedValue() {
    Forwarding f = forwarded("for=198.51.100.17;ext=\"say \\\"a,b;c\\\"\";proto=https");
    assertEquals("198.51.100.17", f.client().getHostAddress());
    assertEquals("https", f.proto());
  }

  @Test
  void anUnterminatedQuoteBelievesNothingOfThatElement() {
    Forwarding f = forwarded("for=198.51.100.17;proto=https;ext=\"open, for=6.6.6.6");
    assertTrue(f.isEmpty(), "a malformed header is not half-read: " + f);
  }
}
