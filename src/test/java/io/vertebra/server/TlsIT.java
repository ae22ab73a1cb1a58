package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.TestApp;
import io.vertebra.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-process TLS (TLS_CERT/TLS_KEY) with a certificate made at test time: the app answers HTTPS and WSS only on its
 * port, tells browsers to use TLS, marks its cookie Secure, and its own triggers still reach the embedded channels
 * server (over its loopback connector), so a post created over HTTPS arrives at a WSS subscriber.
 */
class TlsIT {

  @TempDir
  Path dir;

  @Test
  void theAppServesHttpsAndWssAndItsEventsArriveOverTls() throws Exception {
    TestCertificates pem = TestCertificates.create(dir, "EC");
    SSLContext trusting = pem.trustingContext();
    try (TestApp app = TestApp.serve(Map.of("TLS_CERT", pem.cert().toString(), "TLS_KEY", pem.key().toString()))) {
      app.start();
      String base = app.baseUrl();
      assertTrue(base.startsWith("https://127.0.0.1:"), base);
      int port = app.server().port();

      HttpClient plain = HttpClient.newHttpClient();
      assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()),
          "the port speaks TLS only");

      ApiClient client = new ApiClient(base, trusting);
      assertEquals(200, client.get("/healthz").status());
      JsonNode config = client.get("/api/config").json();
      assertTrue(config.path("forceTLS").asBoolean(), config.toString());
      assertEquals(port, config.path("wssPort").asInt());
      ApiClient.Reply session = client.send("POST", "/api/session", "{\"name\":\"Ann\"}");
      assertTrue(session.header("Set-Cookie").contains("; Secure"), session.header("Set-Cookie"));

      BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
      WebSocket socket = WssFrames.open(trusting, "wss://127.0.0.1:" + port + "/app/" + app.server().realtime().key()
          + "?protocol=7", Map.of(), frames);
      try {
        assertEquals("pusher:connection_established", WssFrames.next(frames, null).path("event").asText());
        socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"posts\"}}", true).join();
        assertNotNull(WssFrames.next(frames, "pusher_internal:subscription_succeeded"));
        JsonNode post = client.create("Over TLS", "from a test");
        JsonNode event = WssFrames.next(frames, "post:create");
        assertEquals(post.path("id").asText(), Frames.JSON.readTree(event.path("data").asText()).path("id").asText());
      } finally {
        socket.abort();
      }
    }
  }
}
