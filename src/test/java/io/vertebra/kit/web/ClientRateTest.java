package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientRateTest {

  @Test
  void anIpv4AddressIsItsOwnClient() {
    assertEquals("203.0.113.7", ClientRate.client("203.0.113.7"));
    assertNotEquals(ClientRate.client("203.0.113.7"), ClientRate.client("203.0.113.8"));
  }

  @Test
  void ipv6AddressesOfOneSlash64AreOneClient() {
    String a = ClientRate.client("2001:db8:1:2::1");
    assertEquals(a, ClientRate.client("2001:db8:1:2:ffff:eeee:dddd:cccc"), "the host's own /64");
    assertEquals(a, ClientRate.client("[2001:db8:1:2::99]"), "bracketed");
    assertNotEquals(a, ClientRate.client("2001:db8:1:3::1"), "the next /64");
    assertEquals(ClientRate.client("::1"), ClientRate.client("0:0:0:0:0:0:0:1"));
  }
}
