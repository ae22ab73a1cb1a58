package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void addressesAndCidrRangesOfBothFamiliesMatch() {
    TrustedProxies trusted = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/8 ,192.168.4.0/22, ::1, fd00::/8");
    assertTrue(trusted.enabled());
    assertTrue(trusted.trusts("127.0.0.1"));
    assertFalse(trusted.trusts("127.0.0.2"));
    assertTrue(trusted.trusts("10.255.1.2"));
    assertFalse(trusted.trusts("11.0.0.1"));
    assertTrue(trusted.trusts("192.168.7.255"), "a /22 spans .4 to .7");
    assertFalse(trusted.trusts("192.168.8.0"));
    assertTrue(trusted.trusts("[::1]"));
    assertTrue(trusted.trusts("fd12:3456::1"));
    assertFalse(trusted.trusts("fe80::1"));
    assertFalse(trusted.trusts("::ffff:11.0.0.1"), "a mapped IPv4 address is its IPv4 self");
    assertTrue(trusted.trusts("::ffff:10.0.0.1"));
  }

  @Test
  void noneTrustsNobody() {
    assertFalse(TrustedProxies.none().enabled());
    assertFalse(TrustedProxies.parse("  ").trusts("127.0.0.1"));
  }

  @Test
  void namesAndMalformedEntriesAreRefusedByName() {
    var name = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1, proxy.local"));
    assertEquals("'proxy.local' is not an IP address or CIDR range (e.g. 10.0.0.0/8)", name.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("fd00::/129"));
  }

  @Test
  void literalsNeverLookUpNames() {
    assertNull(TrustedProxies.literal("localhost"));
    assertNull(TrustedProxies.literal("unknown"));
    assertNull(TrustedProxies.literal("_hidden"));
    assertEquals("203.0.113.9", TrustedProxies.literal("203.0.113.9").getHostAddress());
  }
}
