package io.vertebra.posts.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.server.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged write is committed before the answer: the server process is killed with SIGKILL (no shutdown
 * hook, no flush) right after the answers, and a new process finds every write on the default H2 file.
 */
class CrashDurabilityIT {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?)/?$");

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("writes acknowledged just before a kill -9 are all there after a restart")
  void acknowledgedWritesSurviveKill() throws Exception {
    List<JsonNode> acknowledged = new ArrayList<>();
    long deletedId;
    Process first = startServer();
    try {
      ApiClient client = new ApiClient(baseUrl(first));
      client.signIn("Ann");
      for (int i = 0; i < 20; i++) {
        acknowledged.add(client.create("post " + i, "body " + i));
      }
      long id = acknowledged.get(0).get("id").asLong();
      acknowledged.set(0, client.send("PUT", "/api/posts/" + id, "{\"title\":\"edited\",\"version\":1}").json());
      deletedId = acknowledged.remove(1).get("id").asLong();
      assertEquals(204, client.send("DELETE", "/api/posts/" + deletedId, null).status());
    } finally {
      first.destroyForcibly();
      assertTrue(first.waitFor(10, TimeUnit.SECONDS));
    }
    Process second = startServer();
    try {
      ApiClient client = new ApiClient(baseUrl(second));
      for (JsonNode post : acknowledged) {
        assertEquals(post, client.get("/api/posts/" + post.get("id").asLong()).json());
      }
      assertEquals(404, client.get("/api/posts/" + deletedId).status(), "the acknowledged delete stuck too");
    } finally {
      second.destroyForcibly();
      second.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process startServer() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.vertebra.server.Main", "serve");
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("PUSHER_URL");
    builder.environment().put("PORT", "0");
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("DATA_DIR", dataDir.toString());
    builder.redirectError(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile());
    return builder.start();
  }

  /** Reads the startup banner for the URL (keeps draining stdout afterwards so the child never blocks). */
  private static String baseUrl(Process process) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          Matcher m = LISTENING.matcher(line.trim());
          if (m.find()) {
            url.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
      url.completeExceptionally(new IllegalStateException("server exited without printing its URL"));
    });
    reader.setDaemon(true);
    reader.start();
    return url.get(60, TimeUnit.SECONDS);
  }
}
