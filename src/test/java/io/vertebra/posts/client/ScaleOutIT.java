package io.vertebra.posts.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.bench.ServerProcess;
import io.vertebra.kit.ops.Exposition;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.store.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app tier scaled out as OPERATIONS.md describes: two {@code serve} processes of the packaged jar with nothing
 * shared but PostgreSQL ({@code DATABASE_URL}), the realtime service ({@code PUSHER_URL}, a third process running
 * {@code channels}) and {@code SESSION_SECRET}. A browser loaded from node 2 sees a write made through node 1, live;
 * a session cookie signed by node 1 works on node 2.
 */
class ScaleOutIT {

  private static final String APP_ID = "777001";
  private static final String KEY = "scale-out-key";
  private static final String SECRET = "scale-out-channels-secret-0123456789";
  private static final String SESSION_SECRET = "scale-out-session-secret-".repeat(2);

  @TempDir
  Path work;

  @Test
  @DisplayName("two serve nodes + PostgreSQL + channels alone: node 1's write reaches a browser on node 2")
  void writeOnNodeOneReachesBrowserOnNodeTwo() throws Exception {
    Path jar = Path.of(System.getProperty("vertebra.jar", "target/vertebra.jar"));
    assumeTrue(Files.exists(jar), "package the jar first: " + jar);
    Path binaries = PostgresCluster.findBinaries();
    assumeTrue(binaries != null, "PostgreSQL server binaries not found: install Debian's 'postgresql' package");

    try (PostgresCluster postgres = PostgresCluster.start(binaries)) {
      String database = postgres.newDatabase();
      int channelsPort = ServerProcess.freePort();
      try (Node channels = start(jar, "channels", channelsPort, Map.of("CHANNELS_APP_ID", APP_ID,
              "CHANNELS_KEY", KEY, "CHANNELS_SECRET", SECRET));
          Node node1 = start(jar, "serve", ServerProcess.freePort(), appNode(database, channelsPort));
          Node node2 = start(jar, "serve", ServerProcess.freePort(), appNode(database, channelsPort));
          AppBrowser browser = new AppBrowser("Bea", node2.baseUrl())) {
        for (Node node : List.of(node1, node2)) {
          JsonNode health = new ApiClient(node.baseUrl()).get("/healthz").json();
          assertEquals("ok", health.get("status").asText(), health.toString());
          assertEquals("postgresql", health.at("/checks/database/dialect").asText());
          assertTrue(health.at("/checks/channels").isMissingNode(), "the realtime service is external");
        }

        browser.signIn();
        browser.await(".post-list .posts");

        // Sign in on node 1; its cookie is the only state a user carries between nodes.
        ApiClient onNode1 = new ApiClient(node1.baseUrl());
        ApiClient.Reply signIn = onNode1.send("POST", "/api/session", "{\"name\":\"Nils\"}");
        assertEquals(200, signIn.status(), signIn.toString());
        String cookie = signIn.header("Set-Cookie").split(";", 2)[0];
        JsonNode post = onNode1.create("Written through node 1", "Seen on node 2.");
        long id = post.get("id").asLong();

        browser.awaitText(".posts li[data-id='" + id + "'] .title", "Written through node 1");

        ApiClient onNode2 = new ApiClient(node2.baseUrl());
        ApiClient.Reply session = onNode2.send("GET", "/api/session", null, "Cookie", cookie);
        assertEquals(200, session.status(), "node 2 accepts node 1's session cookie: " + session);
        assertEquals(signIn.json().get("id"), session.json().get("id"));
        ApiClient.Reply edit = onNode2.send("PATCH", "/api/posts/" + id, "{\"title\":\"Edited through node 2\"}",
            "Cookie", cookie, "If-Match", "\"1\"");
        assertEquals(200, edit.status(), edit.toString());
        browser.awaitText(".posts li[data-id='" + id + "'] .title", "Edited through node 2");
        assertEquals("Edited through node 2", onNode1.get("/api/posts/" + id).json().get("title").asText());

        ApiClient.Reply forged = onNode2.send("GET", "/api/session", null, "Cookie", cookie + "x");
        assertEquals(401, forged.status(), "a tampered cookie is still refused");

        Exposition realtime = Exposition.parse(new ApiClient(channels.baseUrl()).get("/metrics").raw().body());
        assertTrue(realtime.value("vertebra_channels_connections") >= 1, "the browser's pusher-js connection");
        assertTrue(realtime.value("vertebra_channels_deliveries_total") >= 2, "create and change delivered");
      }
    }
  }

  private Map<String, String> appNode(String database, int channelsPort) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", database);
    env.put("PUSHER_URL", "http://" + KEY + ":" + SECRET + "@127.0.0.1:" + channelsPort + "/apps/" + APP_ID);
    env.put("PUSHER_WS_HOST", "127.0.0.1");
    env.put("PUSHER_WS_PORT", Integer.toString(channelsPort));
    env.put("SESSION_SECRET", SESSION_SECRET);
    return env;
  }

  /** One process of the packaged jar, listening on {@code port}. */
  private record Node(ServerProcess process, int port) implements AutoCloseable {
    String baseUrl() {
      return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
      process.close();
    }
  }

  /** Starts {@code java -jar vertebra.jar mode} on {@code port} with a data directory of its own. */
  private Node start(Path jar, String mode, int port, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("HOST", "127.0.0.1");
    env.put("PORT", Integer.toString(port));
    env.put("DATA_DIR", Files.createTempDirectory(work, mode + "-").toString());
    return new Node(ServerProcess.start(List.of(ServerProcess.java(), "-Xmx256m", "-jar", jar.toString(), mode),
        env, "listening on http://127.0.0.1:" + port + "/"), port);
  }
}
