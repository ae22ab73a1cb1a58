package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  @Test
  void boundToLoopbackOnlyLoopbackNamesAreAllowed() {
    AllowedHosts hosts = AllowedHosts.of(null, "127.0.0.1");
    for (String ok : new String[] {"127.0.0.1:8080", "localhost:8080", "LOCALHOST", "localhost.:80", "[::1]:8080",
        "127.0.0.1"}) {
      assertTrue(hosts.allows(ok), ok);
    }
    for (String bad : new String[] {"attacker.example:8080", "attacker.example", "127.0.0.1.nip.io:8080",
        "localhost.attacker.example", "", "[::2]:8080"}) {
      assertFalse(hosts.allows(bad), bad);
    }
    assertFalse(hosts.allows(null), "no Host at all");
  }

  @Test
  void configuredNamesReplaceTheDefaultAndStarAllowsAny() {
    AllowedHosts hosts = AllowedHosts.of(" posts.example.com , Other.Example ", "0.0.0.0");
    assertTrue(hosts.allows("posts.example.com"));
    assertTrue(hosts.allows("other.example:443"));
    assertFalse(hosts.allows("localhost:8080"));
    assertTrue(AllowedHosts.of("*", "127.0.0.1").allows("anything.example"));
  }

  @Test
  void boundToEveryInterfaceAnyNameIsAllowedAndToOneAddressOnlyThatOne() {
    assertTrue(AllowedHosts.of(null, "0.0.0.0").any());
    AllowedHosts one = AllowedHosts.of(null, "10.0.0.5");
    assertTrue(one.allows("10.0.0.5:8080"));
    assertFalse(one.allows("attacker.example"));
  }
}
