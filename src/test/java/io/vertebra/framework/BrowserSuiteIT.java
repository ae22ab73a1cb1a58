package io.vertebra.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.vertebra.channels.ChannelsOptions;
import io.vertebra.channels.ChannelsServer;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.testing.BrowserExtension;
import io.vertebra.testing.Browsers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * View, RestyGWT sync and the realtime layer as compiled JavaScript in headless Chromium: serves the BrowserSuite
 * GWT module (compiled into target/browser-suite by the pre-integration-test phase) with a test REST API, the
 * channels server, pusher-js's encryption build and an auth endpoint holding the master key of encrypted
 * channels, lets its checks run, and reports each check as a test of its own.
 */
@ExtendWith(BrowserExtension.class)
class BrowserSuiteIT {

  private static final Path SUITE = Path.of(System.getProperty("vertebra.target", "target"), "browser-suite");
  /** Checks the suite must at least report, so a suite that silently registers nothing fails. */
  private static final int MINIMUM_CHECKS = 65;
  /** pusher-js's encryption build: the realtime checks use an end-to-end encrypted channel. */
  private static final Path PUSHER_JS = Path.of("war/vendor/pusher-with-encryption.min.js");
  private static final String HOST_PAGE = "<!doctype html><html><head><meta charset=\"utf-8\">"
      + "<title>Vertebra browser suite</title><script src=\"vendor/pusher.js\"></script>"
      + "<script src=\"suite/suite.nocache.js\"></script></head><body></body></html>";
  /** The channels server's app; the master key is the app's, from which each encrypted channel's secret derives. */
  private static final AppCredentials APP = new AppCredentials("suite", "suite-key", "suite-secret-0123456789");
  private static final String MASTER_KEY = Base64.getEncoder().encodeToString(
      "a 32-byte master key, test only!".getBytes(StandardCharsets.US_ASCII));
  /** The app's pusher-http-java client (its host is set once the server has its port). */
  private static final Pusher PUSHER = new Pusher(APP.appId(), APP.key(), APP.secret(), MASTER_KEY);

  private static Server server;
  private static String baseUrl;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(Files.isRegularFile(SUITE.resolve("suite/suite.nocache.js")),
        "No compiled suite in " + SUITE + ": run through 'mvn verify' (execution compile-browser-suite)");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.setBaseResourceAsPath(SUITE);
    context.addServlet(new ServletHolder(new SuiteRestServlet()), "/api/*");
    context.addServlet(new ServletHolder(new PusherJsScript()), "/vendor/pusher.js");
    ChannelsServer channels = ChannelsServer.install(server, context, APP, ChannelsOptions.defaults());
    context.addServlet(new ServletHolder(new EncryptedChannelApp(PUSHER)), "/pusher/auth");
    context.addServlet(new ServletHolder(new EncryptedChannelApp(PUSHER)), "/realtime/trigger-secret");
    context.addServlet(new ServletHolder(new HostPage()), "");
    context.addServlet(new ServletHolder(new DefaultServlet()), "/");
    server.setHandler(channels.handler());
    server.start();
    baseUrl = "http://127.0.0.1:" + connector.getLocalPort();
    PUSHER.setHost("127.0.0.1:" + connector.getLocalPort());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @TestFactory
  Stream<DynamicTest> browserChecks(Browsers.Session browser) throws IOException {
    browser.driver().get(baseUrl + "/?deadPort=" + closedPort() + "&channelsKey=" + APP.key());
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> "true".equals(
          browser.driver().executeScript("var s = document.getElementById('summary');"
              + " return s && s.getAttribute('data-done');")));
    } catch (TimeoutException e) {
      fail("The suite did not finish; results so far:\n" + describe(results(browser)));
    }
    List<List<String>> results = results(browser);
    Object total = browser.driver().executeScript(
        "return Number(document.getElementById('summary').getAttribute('data-total'))");
    assertEquals(((Number) total).intValue(), results.size(), "every registered check reported");
    assertTrue(results.size() >= MINIMUM_CHECKS, "only " + results.size() + " checks ran");
    List<String> failures = results.stream().filter(r -> !"passed".equals(r.get(1))).map(r -> r.get(2)).toList();
    System.out.println("Browser suite: " + (results.size() - failures.size()) + "/" + results.size() + " passed"
        + (failures.isEmpty() ? "" : "; failed:\n  " + String.join("\n  ", failures)));
    return results.stream().map(r -> DynamicTest.dynamicTest(r.get(0),
        () -> assertEquals("passed", r.get(1), r.get(2))));
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> results(Browsers.Session browser) {
    return (List<List<String>>) browser.driver().executeScript(
        "return Array.from(document.querySelectorAll('#checks li.check')).map(li =>"
            + " [li.getAttribute('data-name'), li.getAttribute('data-status'), li.textContent]);");
  }

  private static String describe(List<List<String>> results) {
    StringBuilder text = new StringBuilder();
    for (List<String> r : results) {
      text.append(r.get(1)).append("  ").append(r.get(2)).append('\n');
    }
    return text.toString();
  }

  /** A loopback port nothing listens on, for the "no HTTP response" check. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Serves pusher-js's encryption build, as an app's host page would load it from vendor/. */
  private static final class PusherJsScript extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/javascript;charset=utf-8");
      resp.getOutputStream().write(Files.readAllBytes(PUSHER_JS));
    }
  }

  /**
   * The app's side of the encrypted channel, with its pusher-http-java client created with the master key:
   * {@code /pusher/auth} signs the subscription and adds the channel's shared secret, derived from the master key;
   * {@code /realtime/trigger-secret} triggers an event, which pusher-http-java encrypts before it reaches the
   * server. The channels server sees neither key.
   */
  private static final class EncryptedChannelApp extends HttpServlet {
    private final transient Pusher pusher;

    EncryptedChannelApp(Pusher pusher) {
      this.pusher = pusher;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getServletPath().equals("/pusher/auth")) {
        String channel = req.getParameter("channel_name");
        if (!"private-encrypted-suite".equals(channel)) {
          resp.sendError(403);
          return;
        }
        resp.setContentType("application/json");
        resp.getWriter().write(pusher.authenticate(req.getParameter("socket_id"), channel));
        return;
      }
      Result result = pusher.trigger("private-encrypted-suite", "secret", Map.of("message", "for your eyes only"));
      resp.setStatus(result.getStatus() == Result.Status.SUCCESS ? 204 : 502);
      if (result.getStatus() != Result.Status.SUCCESS) {
        resp.getWriter().write(result.getMessage());
      }
    }
  }

  /** Serves the suite's host page at the root. */
  private static final class HostPage extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/html;charset=utf-8");
      resp.getWriter().write(HOST_PAGE);
    }
  }
}
