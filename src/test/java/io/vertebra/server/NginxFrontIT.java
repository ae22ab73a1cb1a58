package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.testing.FreePorts;
import io.vertebra.testing.TestApp;
import io.vertebra.testing.TestCertificates;
import java.io.IOException;
import java.net.Socket;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx (the Debian package) on 127.0.0.1 terminating TLS in front of the app, configured as OPERATIONS.md
 * shows, with TRUSTED_PROXIES naming it: browsers are told {@code wss://} on nginx's port, the cookie is
 * {@code Secure}, the app's own page passes the Origin check, a post created through nginx reaches a WSS subscriber
 * through nginx, and a client's forged {@code X-Forwarded-For} does not give it a second per-address quota. nginx
 * connects to the app from 127.0.0.2 (proxy_bind), so the test client on 127.0.0.1 is not itself a trusted proxy.
 */
class NginxFrontIT {

  /** The {@code location} block of OPERATIONS.md ("A TLS front: nginx"), with the app's address filled in. */
  private static final String LOCATION = """
      location / {
          proxy_pass http://127.0.0.1:%d;
          proxy_http_version 1.1;
          proxy_set_header Host $http_host;
          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
          proxy_set_header X-Forwarded-Proto $scheme;
          proxy_set_header Upgrade $http_upgrade;
          proxy_set_header Connection $connection_upgrade;
          proxy_read_timeout 300s;
          proxy_bind 127.0.0.2;
      }
      """;

  @TempDir
  Path dir;

  @Test
  void behindNginxTheAppSpeaksTlsToBrowsersAndCountsClientsByTheirOwnAddress() throws Exception {
    Path nginx = binary();
    assumeTrue(nginx != null, "nginx is not installed here (apt-get install nginx; .ci/run installs it for CI)");
    TestCertificates pem = TestCertificates.create(dir, "EC");
    SSLContext trusting = pem.trustingContext();
    try (TestApp app = TestApp.serve(Map.of("TRUSTED_PROXIES", "127.0.0.2",
        "CHANNELS_MAX_CONNECTIONS_PER_IP", "1"))) {
      app.start();
      int front = FreePorts.next();
      Process proxy = start(nginx, front, app.server().port(), pem);
      try {
        String base = "https://127.0.0.1:" + front;
        ApiClient client = new ApiClient(base, trusting);
        JsonNode config = client.get("/api/config").json();
        assertTrue(config.path("forceTLS").asBoolean(), config.toString());
        assertEquals("127.0.0.1", config.path("wsHost").asText());
        assertEquals(front, config.path("wssPort").asInt(), "browsers connect to nginx, not to the app's port");
        ApiClient.Reply session = client.send("POST", "/api/session", "{\"name\":\"Ann\"}");
        assertTrue(session.header("Set-Cookie").contains("; Secure"), session.header("Set-Cookie"));

        String socketUrl = "wss://127.0.0.1:" + front + "/app/" + app.server().realtime().key() + "?protocol=7";
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        // The app's own page, as the browser sends it: Origin is nginx's public origin.
        WebSocket page = WssFrames.open(trusting, socketUrl, Map.of("Origin", base, "X-Forwarded-For", "6.6.6.6"), frames);
        try {
          assertEquals("pusher:connection_established", WssFrames.next(frames, null).path("event").asText());
          page.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"posts\"}}", true).join();
          WssFrames.next(frames, "pusher_internal:subscription_succeeded");
          JsonNode post = client.create("Through nginx", "TLS at the front");
          JsonNode event = WssFrames.next(frames, "post:create");
          assertEquals(post.path("id").asText(),
              Frames.JSON.readTree(event.path("data").asText()).path("id").asText());

          // Same client (127.0.0.1), another forged address: still its one allowed connection, so 4004.
          BlockingQueue<JsonNode> second = new LinkedBlockingQueue<>();
          WebSocket forged = WssFrames.open(trusting, socketUrl, Map.of("X-Forwarded-For", "7.7.7.7"), second);
          try {
            JsonNode refusal = WssFrames.next(second, "pusher:error");
            assertEquals(ErrorCode.OVER_CONNECTION_QUOTA, refusal.path("data").path("code").asInt(),
                refusal.toString());
          } finally {
            forged.abort();
          }
        } finally {
          page.abort();
        }
      } finally {
        proxy.destroy();
        proxy.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static Path binary() {
    for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  /** nginx in the foreground, one process, every file in the test's folder; returns once it accepts. */
  private Process start(Path nginx, int port, int appPort, TestCertificates pem) throws Exception {
    String conf = """
        daemon off;
        master_process off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path %1$s/body;
            proxy_temp_path %1$s/proxy;
            fastcgi_temp_path %1$s/fastcgi;
            uwsgi_temp_path %1$s/uwsgi;
            scgi_temp_path %1$s/scgi;
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            server {
                listen 127.0.0.1:%2$d ssl;
                ssl_certificate %3$s;
                ssl_certificate_key %4$s;
        %5$s
            }
        }
        """.formatted(dir, port, pem.cert(), pem.key(), LOCATION.formatted(appPort).indent(8));
    Path file = Files.writeString(dir.resolve("nginx.conf"), conf);
    Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", file.toString(),
        "-e", dir.resolve("error.log").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    long end = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < end) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
            + log(dir.resolve("error.log")));
      }
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return process;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new AssertionError("nginx did not listen within 15 s" + log(dir.resolve("error.log")));
  }

  private static String log(Path file) throws IOException {
    return Files.exists(file) ? "\n" + Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
