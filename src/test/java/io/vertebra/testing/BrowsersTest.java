package io.vertebra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parts of the browser helper that need no browser. */
class BrowsersTest {

  @Test
  @DisplayName("screenshot names keep letters, digits, dots and dashes; anything else becomes one underscore")
  void safeFileNames() {
    assertEquals("PageIT.loads_the_page_1_", Browsers.safeFileName("PageIT.loads the page [1]"));
    assertEquals("screenshot", Browsers.safeFileName(""));
    assertEquals("a_.._b", Browsers.safeFileName("a/../b"), "no path separators survive");
  }

  @Test
  @DisplayName("the flags keep Chromium headless, sandbox-free and off the network")
  void flags() {
    for (String flag : new String[] {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"}) {
      assertTrue(Browsers.FLAGS.contains(flag), flag);
    }
  }
}
