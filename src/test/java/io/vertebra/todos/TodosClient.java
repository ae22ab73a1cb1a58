package io.vertebra.todos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The todos REST API from a test, as a non-browser client: to empty the shared list and to read what it holds. */
public final class TodosClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public TodosClient(String baseUrl) {
    this.base = baseUrl + "/api/todos";
  }

  /** The list as the server holds it. */
  public JsonNode list() {
    return read(send("GET", "", null).body());
  }

  /** Empties the list (every official test starts from an empty list): all completed, then clear-completed. */
  public void clear() {
    send("PATCH", "", "{\"completed\":true}");
    send("DELETE", "?completed=true", null);
  }

  /** Creates a todo; returns its JSON. */
  public JsonNode create(String title) {
    return read(send("POST", "", JSON.createObjectNode().put("title", title).toString()).body());
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /** Sends one request; any status outside 2xx fails the test. */
  public HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError(method + " " + base + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new AssertionError(method + " " + base + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
