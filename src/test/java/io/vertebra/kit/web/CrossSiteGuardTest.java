package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrossSiteGuardTest {

  private static String refusal(String method, String origin, String fetchSite, String host) {
    return CrossSiteGuard.refusal(method, origin, fetchSite, host);
  }

  @Test
  @DisplayName("reads are never refused, whatever the origin")
  void readsPass() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertNull(refusal(method, "http://evil.example", "cross-site", "app.example"));
    }
  }

  @Test
  @DisplayName("a write from this very origin passes; default ports may be implied on either side")
  void sameOriginWritesPass() {
    assertNull(refusal("POST", "http://127.0.0.1:8080", null, "127.0.0.1:8080"));
    assertNull(refusal("DELETE", "https://app.example", "same-origin", "app.example"));
    assertNull(refusal("PUT", "https://app.example", null, "app.example:443"));
    assertNull(refusal("PATCH", "http://APP.example", null, "app.example:80"));
  }

  @Test
  @DisplayName("a write from another origin, a null origin or a malformed one is refused")
  void foreignOriginsRefused() {
    assertNotNull(refusal("POST", "http://evil.example", null, "app.example"));
    assertNotNull(refusal("POST", "null", null, "app.example"));
    assertNotNull(refusal("POST", "http://127.0.0.1:8081", null, "127.0.0.1:8080"));
    assertNotNull(refusal("POST", "http://app.example.evil", null, "app.example"));
    assertNotNull(refusal("POST", "https://app.example:8443", null, "app.example"));
    assertNotNull(refusal("POST", "not a url", null, "app.example"));
    assertNotNull(refusal("POST", "http://app.example", null, null));
  }

  @Test
  @DisplayName("without Origin, Sec-Fetch-Site decides; without both it is no browser and passes")
  void fetchSiteAndNonBrowsers() {
    assertNotNull(refusal("POST", null, "cross-site", "app.example"));
    assertNotNull(refusal("POST", null, "same-site", "app.example"));
    assertNull(refusal("POST", null, "same-origin", "app.example"));
    assertNull(refusal("POST", null, "none", "app.example"));
    assertNull(refusal("POST", null, null, "app.example"));
  }
}
