package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The packaged web app serves the pinned pusher-js from its own origin, and the host page loads it. */
class PusherJsServedIT {

  private static final String VERSION = "8.6.0";

  @TempDir
  static Path dataDir;
  private static AppServer server;

  @BeforeAll
  static void start() throws Exception {
    // No WEB_DIR: the server finds webapp/ on the class path, as in the runnable jar.
    server = AppServer.start(Config.from(Map.of("PORT", "0", "DATA_DIR", dataDir.toString())),
        AppServer.Mode.SERVE);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("GET /vendor/pusher.min.js: the pinned browser build, as JavaScript")
  void scriptIsServed() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/vendor/pusher.min.js")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    assertTrue(response.body().contains("\"" + VERSION + "\""), "pusher-js " + VERSION);
  }

  @Test
  @DisplayName("the host page loads pusher-js from its origin, before the client: window.Pusher exists")
  void hostPageLoadsPusherJs() throws Exception {
    Path profile = Files.createTempDirectory(dataDir, "chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      browser.get(server.baseUrl() + "/");
      JavascriptExecutor js = browser;

      assertEquals("function", js.executeScript("return typeof window.Pusher"));
      @SuppressWarnings("unchecked")
      List<String> scripts = (List<String>) js.executeScript(
          "return Array.from(document.scripts).map(s => s.getAttribute('src')).filter(Boolean)");
      assertTrue(scripts.indexOf("vendor/pusher.min.js") >= 0, "loaded from the app's origin: " + scripts);
      assertTrue(scripts.indexOf("vendor/pusher.min.js") < scripts.indexOf("posts/posts.nocache.js"),
          "before the GWT module: " + scripts);
    } finally {
      browser.quit();
    }
  }
}
