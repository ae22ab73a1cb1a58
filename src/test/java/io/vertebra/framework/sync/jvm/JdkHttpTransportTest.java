package io.vertebra.framework.sync.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertebra.framework.sync.HttpRequest;
import io.vertebra.framework.sync.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JdkHttpTransport against a real loopback HTTP server. */
class JdkHttpTransportTest {

  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/echo", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"type\":\""
            + exchange.getRequestHeaders().getFirst("Content-Type") + "\",\"socket\":\""
            + exchange.getRequestHeaders().getFirst("X-Socket-Id") + "\",\"body\":"
            + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse send(JdkHttpTransport transport, HttpRequest request) throws Exception {
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    transport.send(request, result::complete);
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("sends method, headers, content type and body, and reports status, headers and body")
  void roundTrip() throws Exception {
    HttpResponse response = send(new JdkHttpTransport(base), new HttpRequest("PUT", "/echo",
        Map.of("X-Socket-Id", "1.2"), "{\"a\":1}", "application/json"));
    assertEquals(201, response.status());
    assertEquals("application/json", response.header("content-type"));
    assertTrue(response.body().contains("\"method\":\"PUT\""), response.body());
    assertTrue(response.body().contains("\"socket\":\"1.2\""), response.body());
    assertTrue(response.body().contains("\"type\":\"application/json; charset=UTF-8\""), response.body());
    assertTrue(response.body().contains("\"body\":{\"a\":1}"), response.body());
  }

  @Test
  @DisplayName("a refused connection is reported as status 0 with the reason")
  void refusedConnection() throws Exception {
    server.stop(0);
    HttpResponse response = send(new JdkHttpTransport(base), new HttpRequest("GET", "/echo", null, null, null));
    assertEquals(0, response.status());
    assertNotNull(response.body());
    assertTrue(!response.body().isEmpty());
  }
}
