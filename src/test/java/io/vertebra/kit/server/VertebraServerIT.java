package io.vertebra.kit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.kit.config.Config;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's server with a module of a test's own: what the module gets, and that nothing is left open. */
class VertebraServerIT {

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  private Config config() {
    return Config.from(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", dataDir.toString()));
  }

  @Test
  @DisplayName("a module's servlet, body limit, health check and metrics are served; its resources close on stop")
  void moduleIsServedAndClosedWithTheServer() throws Exception {
    List<String> closed = new ArrayList<>();
    Module echo = context -> {
      context.serve("/api/echo", new EchoServlet());
      context.limitBodies("/api/echo", 10);
      context.health(io.vertebra.kit.ops.HealthCheck.of("echo",
          () -> new io.vertebra.kit.ops.HealthCheck.Status(true, null, Map.of())));
      context.metrics(out -> out.gauge("echo_up", "The echo module is installed.").sample(1));
      context.closeOnStop(() -> closed.add("echo"));
    };
    VertebraServer server = VertebraServer.builder(config()).withoutStaticFiles().module(echo).start();
    try {
      assertEquals("short", send(server, "POST", "/api/echo", "short").body());
      HttpResponse<String> tooLarge = send(server, "POST", "/api/echo", "much longer than ten bytes");
      assertEquals(413, tooLarge.statusCode());
      assertTrue(tooLarge.body().contains("\"error\""), tooLarge.body());
      assertTrue(send(server, "GET", "/healthz", null).body().contains("\"echo\""));
      assertTrue(send(server, "GET", "/metrics", null).body().contains("echo_up 1"));
      assertEquals(404, send(server, "GET", "/", null).statusCode(), "no static files asked for");
      assertEquals(List.of(), closed);
    } finally {
      server.close();
    }
    assertEquals(List.of("echo"), closed);
  }

  @Test
  @DisplayName("a module that fails stops the start with its exception, and what was opened is closed")
  void failingModuleStopsTheStart() throws Exception {
    List<String> closed = new ArrayList<>();
    IllegalStateException broken = new IllegalStateException("broken module");
    Module first = context -> context.closeOnStop(() -> closed.add("first"));
    Module failing = context -> {
      throw broken;
    };
    VertebraServer.Builder builder = VertebraServer.builder(config()).withoutStaticFiles().module(first)
        .module(failing);
    assertSame(broken, assertThrows(IllegalStateException.class, builder::start));
    assertEquals(List.of("first"), closed);
    // The database was closed too: a new server on the same DATA_DIR starts and serves.
    try (VertebraServer again = VertebraServer.builder(config()).withoutStaticFiles().start()) {
      assertEquals(200, send(again, "GET", "/healthz", null).statusCode());
    }
  }

  @Test
  @DisplayName("on a channels-only server a module gets no database, and no identity endpoint is served")
  void channelsOnlyHasNoDatabase() throws Exception {
    List<Boolean> seen = new ArrayList<>();
    Module probe = context -> {
      seen.add(context.channelsOnly());
      assertThrows(IllegalStateException.class, context::database);
    };
    try (VertebraServer server = VertebraServer.builder(config()).channelsOnly().module(probe).start()) {
      assertEquals(List.of(true), seen);
      assertNull(server.database());
      assertEquals(404, send(server, "GET", "/api/session", null).statusCode());
      assertTrue(send(server, "GET", "/healthz", null).body().contains("\"channels\""));
    }
  }

  private HttpResponse<String> send(VertebraServer server, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Answers a POST with its body. */
  public static final class EchoServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      request.getInputStream().transferTo(response.getOutputStream());
    }
  }
}
