package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  @Test
  void sameSiteAdmitsOnlyPagesOfTheHostTheRequestWasSentTo() {
    OriginPolicy policy = OriginPolicy.sameSite();
    assertTrue(policy.allows("http://127.0.0.1:8080", "127.0.0.1:8080"));
    assertTrue(policy.allows("https://app.example.com", "app.example.com"));
    assertTrue(policy.allows("https://app.example.com", "app.example.com:443"));
    assertFalse(policy.allows("http://evil.example:8080", "127.0.0.1:8080"));
    assertFalse(policy.allows("http://127.0.0.1:9090", "127.0.0.1:8080"), "another port is another origin");
    assertFalse(policy.allows("null", "127.0.0.1:8080"), "sandboxed frames and files");
    assertTrue(policy.allows(null, "127.0.0.1:8080"), "no Origin: not a cross-site page");
  }

  @Test
  void anAllowlistTakesExactOriginsAndWildcardSubdomains() {
    OriginPolicy policy = OriginPolicy.parse(" https://app.example.com , https://*.example.org, http://localhost:3000");
    assertTrue(policy.allows("https://app.example.com", "ignored"));
    assertTrue(policy.allows("https://APP.example.com:443", null), "case and the default port do not matter");
    assertFalse(policy.allows("http://app.example.com", null), "the scheme does");
    assertTrue(policy.allows("https://a.example.org", null));
    assertTrue(policy.allows("https://a.b.example.org", null));
    assertFalse(policy.allows("https://example.org", null), "a wildcard names subdomains only");
    assertFalse(policy.allows("https://evilexample.org", null));
    assertFalse(policy.allows("https://a.example.org:8443", null));
    assertTrue(policy.allows("http://localhost:3000", null));
    assertFalse(policy.allows("http://localhost:3001", null));
    assertFalse(policy.allows("not an origin", null));
  }

  @Test
  void aStarAdmitsEveryOriginAndNonsenseIsRefusedByName() {
    assertTrue(OriginPolicy.parse("https://a.example, *").allows("https://elsewhere.example", "x"));
    var e = assertThrows(IllegalArgumentException.class, () -> OriginPolicy.parse("https://a.example/path"));
    assertTrue(e.getMessage().contains("'https://a.example/path' is not an origin"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OriginPolicy.parse(" , "));
    assertEquals("any origin", OriginPolicy.any().describe());
  }
}
