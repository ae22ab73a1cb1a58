package io.vertebra.todos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.testing.TestApp;
import io.vertebra.todos.TodosClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/todos} over HTTP on the real server: the contract of docs/todos.md, errors included. */
class TodosApiIT {

  @RegisterExtension
  static final TestApp APP = TestApp.serve();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private TodosClient api;

  @BeforeEach
  void emptyList() {
    api = new TodosClient(APP.baseUrl());
    api.clear();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP.baseUrl() + "/api/todos" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !java.util.List.of(headers).contains("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  @DisplayName("create trims the title, starts at version 1 with times, and the list returns it oldest first")
  void createAndList() throws Exception {
    HttpResponse<String> created = send("POST", "", "{\"title\":\"  buy some cheese \"}");
    assertEquals(201, created.statusCode());
    JsonNode todo = json(created);
    assertEquals("buy some cheese", todo.get("title").asText());
    assertEquals(false, todo.get("completed").asBoolean());
    assertEquals(1, todo.get("version").asLong());
    assertTrue(todo.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(""));
    api.create("feed the cat");
    assertEquals("[buy some cheese, feed the cat]", api.list().findValuesAsText("title").toString());
  }

  @Test
  @DisplayName("a write on a stale version gets 409 with the current record, and nothing is overwritten")
  void staleWriteConflicts() throws Exception {
    long id = api.create("feed the cat").get("id").asLong();
    assertEquals(200, send("PATCH", "/" + id, "{\"title\":\"feed the dog\",\"version\":1}").statusCode());
    HttpResponse<String> stale = send("PATCH", "/" + id, "{\"completed\":true,\"version\":1}");
    assertEquals(409, stale.statusCode());
    assertEquals("conflict", json(stale).get("error").asText());
    assertEquals("feed the dog", json(stale).get("current").get("title").asText());
    assertEquals(2, json(stale).get("current").get("version").asLong());
    JsonNode stored = json(send("GET", "/" + id, null));
    assertEquals(false, stored.get("completed").asBoolean());
    assertEquals(2, stored.get("version").asLong());
  }

  @Test
  @DisplayName("If-Match names the version a write is based on: a stale one gets 409 with the current record")
  void ifMatch() throws Exception {
    long id = api.create("feed the cat").get("id").asLong();
    HttpResponse<String> fresh = send("PATCH", "/" + id, "{\"completed\":true}", "If-Match", "\"1\"");
    assertEquals(200, fresh.statusCode());
    assertEquals("\"2\"", fresh.headers().firstValue("ETag").orElse(""));
    HttpResponse<String> stale = send("PUT", "/" + id, "{\"title\":\"feed the dog\"}", "If-Match", "\"1\"");
    assertEquals(409, stale.statusCode());
    assertEquals(2, json(stale).get("current").get("version").asLong());
    assertEquals(409, send("DELETE", "/" + id, null, "If-Match", "\"1\"").statusCode());
    assertEquals(400, send("PATCH", "/" + id, "{\"completed\":false}", "If-Match", "seven").statusCode());
    assertEquals("feed the cat", json(send("GET", "/" + id, null)).get("title").asText(), "nothing overwritten");
    assertEquals(204, send("DELETE", "/" + id, null, "If-Match", "\"2\"").statusCode());
    assertEquals(0, api.list().size());
  }

  @Test
  @DisplayName("toggle-all changes every todo in one request and answers their new versions")
  void toggleAll() throws Exception {
    api.create("one");
    long done = api.create("two").get("id").asLong();
    send("PATCH", "/" + done, "{\"completed\":true}");
    HttpResponse<String> response = send("PATCH", "", "{\"completed\":true}");
    assertEquals(200, response.statusCode());
    assertEquals(1, json(response).get("records").size(), "only the todo that changed");
    assertEquals(2, json(response).get("records").get(0).get("version").asLong());
    assertEquals("[true, true]", api.list().findValuesAsText("completed").toString());
  }

  @Test
  @DisplayName("clear-completed deletes the completed todos in one request and answers their ids")
  void clearCompleted() throws Exception {
    long keep = api.create("keep").get("id").asLong();
    long gone = api.create("gone").get("id").asLong();
    send("PATCH", "/" + gone, "{\"completed\":true}");
    HttpResponse<String> response = send("DELETE", "?completed=true", null);
    assertEquals(200, response.statusCode());
    assertEquals("[" + gone + "]", json(response).get("ids").toString());
    assertEquals("[" + keep + "]", api.list().findValuesAsText("id").toString());
    assertEquals(400, send("DELETE", "", null).statusCode(), "deleting the whole list is not an operation");
  }

  @Test
  @DisplayName("bad input is a JSON error with the right status, never a 500")
  void badInput() throws Exception {
    assertEquals(400, send("POST", "", "{\"title\":\"   \"}").statusCode());
    assertEquals(400, send("POST", "", "{\"title\":\"" + "x".repeat(501) + "\"}").statusCode());
    assertEquals(400, send("POST", "", "{\"title\":\"ok\",\"completed\":\"yes\"}").statusCode());
    assertEquals(400, send("POST", "", "{\"title\":").statusCode());
    assertEquals(415, send("POST", "", "title=x", "Content-Type", "text/plain").statusCode());
    assertEquals(404, send("GET", "/12345", null).statusCode());
    assertEquals(404, send("GET", "/abc", null).statusCode());
    assertEquals(400, send("PATCH", "", "{\"title\":\"all\"}").statusCode());
    HttpResponse<String> badSocket = send("POST", "", "{\"title\":\"ok\"}", "X-Socket-Id", "nope");
    assertEquals(400, badSocket.statusCode());
    assertEquals("invalid", json(badSocket).get("error").asText());
    assertEquals(0, api.list().size(), "no refused request wrote anything");
  }

  @Test
  @DisplayName("no sign-in is needed, but a browser write from another site is refused (403)")
  void crossSiteRefused() throws Exception {
    HttpResponse<String> response = send("POST", "", "{\"title\":\"from elsewhere\"}", "Origin", "http://evil.example");
    assertEquals(403, response.statusCode());
    assertEquals(0, api.list().size());
    assertEquals(201, send("POST", "", "{\"title\":\"same site\"}", "Origin", APP.baseUrl()).statusCode());
  }
}
