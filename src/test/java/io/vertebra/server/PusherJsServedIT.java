package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.testing.Browsers;
import io.vertebra.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

/** The packaged web app serves the pinned pusher-js from its own origin, and the host page loads it. */
class PusherJsServedIT {

  private static final String VERSION = "8.6.0";

  // No WEB_DIR: the server finds webapp/ on the class path, as in the runnable jar.
  @RegisterExtension
  static final TestApp APP = TestApp.serve();

  @Test
  @DisplayName("GET /vendor/pusher.min.js: the pinned browser build, as JavaScript")
  void scriptIsServed() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(APP.baseUrl() + "/vendor/pusher.min.js")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    assertTrue(response.body().contains("\"" + VERSION + "\""), "pusher-js " + VERSION);
  }

  @Test
  @DisplayName("the host page loads pusher-js from its origin, before the client: window.Pusher exists")
  void hostPageLoadsPusherJs() throws Exception {
    try (Browsers.Session browser = Browsers.start()) {
      browser.driver().get(APP.baseUrl() + "/");
      JavascriptExecutor js = browser.driver();

      assertEquals("function", js.executeScript("return typeof window.Pusher"));
      @SuppressWarnings("unchecked")
      List<String> scripts = (List<String>) js.executeScript(
          "return Array.from(document.scripts).map(s => s.getAttribute('src')).filter(Boolean)");
      assertTrue(scripts.indexOf("vendor/pusher.min.js") >= 0, "loaded from the app's origin: " + scripts);
      assertTrue(scripts.indexOf("vendor/pusher.min.js") < scripts.indexOf("posts/posts.nocache.js"),
          "before the GWT module: " + scripts);
    }
  }
}
