package io.vertebra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared Chromium helper starts a working headless browser, screenshots it, and cleans up after itself. */
class BrowsersIT {

  @Test
  @DisplayName("start runs JavaScript in headless Chromium; close quits and deletes the profile")
  void startsRunsAndCleansUp() throws Exception {
    Path profile;
    Path shot;
    try (Browsers.Session browser = Browsers.start()) {
      profile = browser.profile();
      assertTrue(Files.isDirectory(profile));
      browser.driver().get("data:text/html,<title>t</title><p id=x>hello</p>");
      assertEquals("hello", browser.driver().executeScript("return document.getElementById('x').textContent"));
      assertTrue(String.valueOf(browser.driver().executeScript("return navigator.userAgent")).contains("Headless"));
      shot = browser.screenshot("BrowsersIT selftest");
    }
    assertFalse(Files.exists(profile), "profile deleted");
    assertEquals("BrowsersIT_selftest.png", shot.getFileName().toString());
    assertTrue(Files.size(shot) > 0);
    Files.delete(shot);
  }
}
