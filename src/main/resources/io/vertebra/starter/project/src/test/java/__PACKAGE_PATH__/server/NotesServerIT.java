package __PACKAGE__.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.server.VertebraServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app started on a free port with its own data folder, driven over HTTP as its browser side drives it. */
class NotesServerIT {

  @TempDir
  Path data;
  private VertebraServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new CookieManager()).build();

  @BeforeEach
  void start() throws Exception {
    server = NotesServer.start(Config.from(Map.of("PORT", "0", "DATA_DIR", data.toString())));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void servesThePageAndTheCompiledClient() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("client/client.nocache.js"), page.body());
    assertEquals(200, get("/client/client.nocache.js").statusCode());
  }

  @Test
  void aSignedInUserCreatesAndChangesANoteAndAStaleChangeIsRefused() throws Exception {
    assertEquals(401, send("POST", "/api/notes", "{\"title\":\"Hello\"}").statusCode());
    assertEquals(200, send("POST", "/api/session", "{\"name\":\"Ada\"}").statusCode());
    HttpResponse<String> created = send("POST", "/api/notes", "{\"title\":\"Hello\",\"body\":\"First\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(created.body().contains("\"author\":\"Ada\""), created.body());
    String url = created.headers().firstValue("Location").orElseThrow();
    assertEquals(200, send("PATCH", url, "{\"title\":\"Hello again\",\"version\":1}").statusCode());
    HttpResponse<String> stale = send("PATCH", url, "{\"title\":\"Lost?\",\"version\":1}");
    assertEquals(409, stale.statusCode());
    assertTrue(stale.body().contains("Hello again"), stale.body());
    assertTrue(get("/api/notes").body().contains("Hello again"));
  }

  @Test
  void anInvalidNoteIsA400WithTheField() throws Exception {
    send("POST", "/api/session", "{\"name\":\"Ada\"}");
    HttpResponse<String> refused = send("POST", "/api/notes", "{\"title\":\" \"}");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("\"field\":\"title\""), refused.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
