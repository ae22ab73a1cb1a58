package io.vertebra.kit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.identity.User;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.Schema;
import io.vertebra.kit.web.ApiException;
import io.vertebra.testing.TriggerRecorder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live-resource contract over HTTP on a resource that is neither posts nor todos: a {@code notes} resource
 * declared here, served by a real Jetty on the kit's SQLite database, triggering through pusher-http-java into a
 * {@link TriggerRecorder}.
 */
class LiveResourcesTest {

  static final LiveResource NOTES = LiveResource.define("notes")
      .field(Field.text("title").required().trimmed().maxLength(20))
      .field(Field.text("body").maxLength(12_000))
      .field(Field.bool("pinned"))
      .field(Field.integer("stars").min(0).max(5).defaultValue(3L))
      .field(Field.text("owner").maxLength(40).nullable().serverOwned())
      .pageSize(2, 3)
      .maxBodyBytes(16 * 1024)
      .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private TriggerRecorder realtime;
  private PusherAsync pusher;
  private Database database;
  private Server server;
  private String base;
  private MountedResource notes;

  /** Writes need an {@code X-User} header; the owner comes from it; only the owner deletes; one bulk action. */
  private static final class OwnerHooks implements LiveHooks {
    @Override
    public void check(HttpServletRequest request, LiveOperation operation) {
      if (operation.writes() && request.getHeader("X-User") == null) {
        throw ApiException.unauthorized();
      }
    }

    @Override
    public void beforeCreate(HttpServletRequest request, Map<String, Object> values) {
      values.put("owner", request.getHeader("X-User"));
    }

    @Override
    public void beforeDelete(HttpServletRequest request, LiveRecord current) {
      if (!request.getHeader("X-User").equals(current.text("owner"))) {
        throw ApiException.forbidden("Only " + current.text("owner") + " may delete this note");
      }
    }

    @Override
    public Map<String, LiveAction> collectionActions() {
      return Map.of("DELETE", call -> {
        List<Long> ids = call.store().deleteWhere(Map.of("pinned", false));
        JsonNode answer = call.mapper().createObjectNode().set("ids", call.mapper().valueToTree(ids));
        call.publish("note:destroy-many", answer, "{}");
        call.respond(200, answer);
      });
    }
  }

  @BeforeEach
  void start() throws Exception {
    realtime = new TriggerRecorder();
    pusher = realtime.client();
    database = Database.open(null, dataDir, Schema.of(), Database.BeforeOpen.NOTHING);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    notes = LiveResources.install(context, LiveServices.of(database, new EventTrigger(pusher)), NOTES,
        new OwnerHooks());
    server.setHandler(context);
    server.start();
    base = "http://127.0.0.1:" + connector.getLocalPort() + "/api/notes";
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    pusher.close();
    database.close();
    realtime.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !List.of(headers).contains("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (!List.of(headers).contains("X-User")) {
      request.header("X-User", "ann");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private long create(String title) throws Exception {
    HttpResponse<String> created = send("POST", "", "{\"title\":\"" + title + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    realtime.next();
    return json(created).get("id").asLong();
  }

  private static void assertError(int status, String error, String field, HttpResponse<String> response)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(error, json(response).get("error").asText(), response.body());
    assertTrue(json(response).hasNonNull("message"), response.body());
    if (field != null) {
      assertEquals(field, json(response).get("field").asText(), response.body());
    }
  }

  @Test
  @DisplayName("POST: 201 with Location and ETag, trimmed and defaulted fields, the hook's owner, note:create")
  void create() throws Exception {
    HttpResponse<String> created = send("POST", "", "{\"title\":\"  Hello \",\"owner\":\"mallory\",\"x\":1}",
        "X-Socket-Id", "123.456");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode note = json(created);
    long id = note.get("id").asLong();
    assertEquals("/api/notes/" + id, created.headers().firstValue("Location").orElse(""));
    assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(""));
    assertEquals("Hello", note.get("title").asText());
    assertEquals("", note.get("body").asText());
    assertFalse(note.get("pinned").asBoolean());
    assertEquals(3, note.get("stars").asLong());
    assertEquals("ann", note.get("owner").asText(), "server-owned: the client's value is ignored");
    assertEquals(1, note.get("version").asLong());
    assertTrue(note.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    TriggerRecorder.Trigger event = realtime.next();
    assertEquals("note:create", event.name());
    assertEquals(List.of("notes"), event.channels());
    assertEquals(note, event.json());
    assertEquals("123.456", event.socketId(), "the sender's socket is excluded");
  }

  @Test
  @DisplayName("GET one: 200 with ETag, 304 for a matching If-None-Match, 404 for a missing or malformed id")
  void read() throws Exception {
    long id = create("one");
    HttpResponse<String> found = send("GET", "/" + id, null);
    assertEquals(200, found.statusCode());
    assertEquals("one", json(found).get("title").asText());
    assertEquals(304, send("GET", "/" + id, null, "If-None-Match", "\"1\"").statusCode());
    assertError(404, "not_found", null, send("GET", "/" + (id + 1), null));
    assertError(404, "not_found", null, send("GET", "/abc", null));
    assertError(405, "method_not_allowed", null, send("POST", "/" + id, "{}"));
  }

  @Test
  @DisplayName("GET the list: newest first in pages, X-Next-Cursor and Link until the last page; bad limit/cursor 400")
  void paging() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create("n" + i));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpResponse<String> page = send("GET", cursor == null ? "" : "?cursor=" + cursor, null);
      assertEquals(200, page.statusCode());
      json(page).forEach(note -> seen.add(note.get("id").asLong()));
      cursor = page.headers().firstValue("X-Next-Cursor").orElse(null);
      if (cursor != null) {
        assertEquals("</api/notes?limit=2&cursor=" + cursor + ">; rel=\"next\"",
            page.headers().firstValue("Link").orElse(""));
      }
      pages++;
    } while (cursor != null);
    assertEquals(3, pages, "the default page size is 2");
    java.util.Collections.reverse(ids);
    assertEquals(ids, seen);
    assertEquals(3, json(send("GET", "?limit=3", null)).size());
    assertError(400, "invalid", "limit", send("GET", "?limit=4", null));
    assertError(400, "invalid", "limit", send("GET", "?limit=x", null));
    assertError(400, "invalid", "cursor", send("GET", "?cursor=-1", null));
  }

  @Test
  @DisplayName("PUT replaces (left-out fields take their defaults), PATCH changes what it names; note:change on both")
  void putAndPatch() throws Exception {
    HttpResponse<String> created = send("POST", "", "{\"title\":\"t\",\"body\":\"b\",\"stars\":5,\"pinned\":true}");
    long id = json(created).get("id").asLong();
    realtime.next();
    HttpResponse<String> patched = send("PATCH", "/" + id, "{\"body\":\"b2\",\"version\":1}");
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals("b2", json(patched).get("body").asText());
    assertEquals(5, json(patched).get("stars").asLong());
    assertEquals("\"2\"", patched.headers().firstValue("ETag").orElse(""));
    TriggerRecorder.Trigger change = realtime.next();
    assertEquals("note:change", change.name());
    assertEquals(List.of("note-" + id, "notes"), change.channels());
    assertEquals(json(patched), change.json());
    assertNull(change.socketId());
    HttpResponse<String> put = send("PUT", "/" + id, "{\"id\":" + id + ",\"title\":\"t2\"}", "If-Match", "\"2\"");
    assertEquals(200, put.statusCode(), put.body());
    assertEquals("", json(put).get("body").asText());
    assertEquals(3, json(put).get("stars").asLong());
    assertFalse(json(put).get("pinned").asBoolean());
    assertEquals("ann", json(put).get("owner").asText(), "a server-owned field stays as stored");
    assertEquals(3, json(put).get("version").asLong());
    assertEquals("note:change", realtime.next().name());
  }

  @Test
  @DisplayName("every invalid field is a 400 naming it, and nothing is written or announced")
  void invalidFields() throws Exception {
    long id = create("keep");
    assertError(400, "invalid", "title", send("POST", "", "{}"));
    assertError(400, "invalid", "title", send("POST", "", "{\"title\":\"   \"}"));
    assertError(400, "invalid", "title", send("POST", "", "{\"title\":\"" + "x".repeat(21) + "\"}"));
    assertError(400, "invalid", "title", send("POST", "", "{\"title\":7}"));
    assertError(400, "invalid", "pinned", send("POST", "", "{\"title\":\"t\",\"pinned\":\"yes\"}"));
    assertError(400, "invalid", "stars", send("POST", "", "{\"title\":\"t\",\"stars\":6}"));
    assertError(400, "invalid", "stars", send("POST", "", "{\"title\":\"t\",\"stars\":1.5}"));
    assertError(400, "invalid", "title", send("PUT", "/" + id, "{\"body\":\"no title\"}"));
    assertError(400, "invalid", "title", send("PATCH", "/" + id, "{\"owner\":\"me\"}"));
    assertError(400, "invalid", "id", send("PATCH", "/" + id, "{\"id\":" + (id + 1) + ",\"title\":\"t\"}"));
    assertError(400, "invalid", "version", send("PATCH", "/" + id, "{\"title\":\"t\",\"version\":0}"));
    assertError(400, "invalid", "version", send("PATCH", "/" + id, "{\"title\":\"t\",\"version\":2}",
        "If-Match", "\"1\""));
    assertError(400, "invalid", "If-Match", send("PATCH", "/" + id, "{\"title\":\"t\"}", "If-Match", "seven"));
    assertError(400, "invalid", "X-Socket-Id", send("POST", "", "{\"title\":\"t\"}", "X-Socket-Id", "nope"));
    assertError(400, "malformed_json", null, send("POST", "", "{\"title\":"));
    assertError(415, "unsupported_media_type", null, send("POST", "", "title=t", "Content-Type", "text/plain"));
    assertError(413, "payload_too_large", null, send("POST", "", "{\"body\":\"" + "x".repeat(17_000) + "\"}"));
    JsonNode stored = json(send("GET", "", null));
    assertEquals(1, stored.size());
    assertEquals(1, stored.get(0).get("version").asLong());
    assertTrue(realtime.quietFor(300));
  }

  @Test
  @DisplayName("a write on a stale version (body or If-Match) gets 409 with the current record; nothing is overwritten")
  void conflicts() throws Exception {
    long id = create("one");
    assertEquals(200, send("PATCH", "/" + id, "{\"title\":\"two\"}").statusCode());
    realtime.next();
    HttpResponse<String> stale = send("PATCH", "/" + id, "{\"title\":\"three\",\"version\":1}");
    assertError(409, "conflict", null, stale);
    assertEquals("two", json(stale).get("current").get("title").asText());
    assertEquals("\"2\"", stale.headers().firstValue("ETag").orElse(""));
    assertError(409, "conflict", null, send("PUT", "/" + id, "{\"title\":\"four\"}", "If-Match", "\"1\""));
    assertError(409, "conflict", null, send("DELETE", "/" + id, null, "If-Match", "\"1\""));
    assertEquals("two", json(send("GET", "/" + id, null)).get("title").asText());
    assertTrue(realtime.quietFor(300));
  }

  @Test
  @DisplayName("DELETE: 204 and note:destroy {id} on both channels; then 404; hooks refuse with 401 and 403 first")
  void delete() throws Exception {
    long id = create("gone");
    assertError(401, "unauthorized", null, noUser("DELETE", "/" + id));
    assertError(403, "forbidden", null, send("DELETE", "/" + id, null, "X-User", "bob"));
    assertEquals(204, send("DELETE", "/" + id, null, "X-Socket-Id", "1.2").statusCode());
    TriggerRecorder.Trigger destroy = realtime.next();
    assertEquals("note:destroy", destroy.name());
    assertEquals(List.of("note-" + id, "notes"), destroy.channels());
    assertEquals("{\"id\":" + id + "}", destroy.data());
    assertEquals("1.2", destroy.socketId());
    assertError(404, "not_found", null, send("DELETE", "/" + id, null));
    assertError(404, "not_found", null, send("PATCH", "/" + id, "{\"title\":\"back\"}"));
  }

  private HttpResponse<String> noUser(String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a record too large for one message is announced as {id, version}")
  void largeRecordByReference() throws Exception {
    HttpResponse<String> created = send("POST", "", "{\"title\":\"big\",\"body\":\"" + "é".repeat(6_000) + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    long id = json(created).get("id").asLong();
    assertEquals("{\"id\":" + id + ",\"version\":1}", realtime.next().data());
  }

  @Test
  @DisplayName("an app's collection action: one request, one transaction, one event; hooks' check runs first")
  void collectionAction() throws Exception {
    long kept = create("kept");
    send("PATCH", "/" + kept, "{\"pinned\":true}");
    realtime.next();
    long gone = create("gone");
    assertError(401, "unauthorized", null, noUser("DELETE", ""));
    HttpResponse<String> cleared = send("DELETE", "", null);
    assertEquals(200, cleared.statusCode(), cleared.body());
    assertEquals("[" + gone + "]", json(cleared).get("ids").toString());
    assertEquals("note:destroy-many", realtime.next().name());
    assertEquals(List.of(kept), notes.store().list(null, 3).records().stream().map(LiveRecord::id).toList());
    assertEquals("GET, POST, DELETE, HEAD, OPTIONS", send("PUT", "", "{}").headers().firstValue("Allow").orElse(""));
  }

  @Test
  @DisplayName("presence: presence-note-{id} of an existing note only; other channels are refused")
  void presence() throws Exception {
    long id = create("here");
    ChannelPolicy policy = notes.presencePolicy();
    User ann = new User("u1", "ann", "#123456");
    assertNull(policy.refusal(ann, "presence-note-" + id));
    assertEquals("Note " + (id + 1) + " does not exist", policy.refusal(ann, "presence-note-" + (id + 1)));
    assertTrue(policy.refusal(ann, "presence-post-" + id).contains("not one this app authorizes"));
    assertTrue(policy.refusal(ann, "presence-note-0" + id).contains("not one this app authorizes"));
    assertNull(LiveResources.presencePolicy(notes).refusal(ann, "presence-note-" + id));
  }
}
