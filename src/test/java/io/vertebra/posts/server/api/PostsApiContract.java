package io.vertebra.posts.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.ApiClient.Reply;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST contract of DESIGN.md, run against a real server on a free loopback port. Subclasses choose the database
 * (SQLite file, PostgreSQL) by the environment they give the server.
 */
abstract class PostsApiContract {

  @TempDir
  Path dataDir;

  AppServer server;
  ApiClient ann;
  ApiClient anonymous;

  private Map<String, String> databaseEnvironment;

  /** Extra environment for the server (e.g. DATABASE_URL); called once per test. */
  protected abstract Map<String, String> databaseEnvironment() throws Exception;

  @BeforeEach
  void startServer() throws Exception {
    databaseEnvironment = databaseEnvironment();
    server = TestServers.serve(dataDir, databaseEnvironment);
    ann = new ApiClient(server.baseUrl());
    ann.signIn("Ann");
    anonymous = new ApiClient(server.baseUrl());
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("create, read, replace, patch and delete a post; versions and ETags follow each write")
  void crud() {
    Reply created = ann.send("POST", "/api/posts", "{\"title\":\"  Hello  \",\"body\":\"first\"}");
    assertEquals(201, created.status(), created::toString);
    JsonNode post = created.json();
    long id = post.get("id").asLong();
    assertEquals("/api/posts/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals("Hello", post.get("title").asText(), "title is trimmed");
    assertEquals("first", post.get("body").asText());
    assertEquals("Ann", post.get("author").asText());
    assertEquals(1, post.get("version").asLong());
    assertEquals(post.get("createdAt"), post.get("updatedAt"));
    assertTrue(post.get("createdAt").asText().endsWith("Z"), "ISO-8601 UTC");

    Reply read = anonymous.get("/api/posts/" + id);
    assertEquals(200, read.status());
    assertEquals(post, read.json());
    assertEquals("\"1\"", read.header("ETag"));

    Reply replaced = ann.send("PUT", "/api/posts/" + id, "{\"id\":" + id + ",\"title\":\"Two\",\"body\":\"second\","
        + "\"version\":1,\"author\":\"Mallory\",\"createdAt\":\"1999-01-01T00:00:00Z\"}");
    assertEquals(200, replaced.status(), replaced::toString);
    assertEquals(2, replaced.json().get("version").asLong());
    assertEquals("\"2\"", replaced.header("ETag"));
    assertEquals("Two", replaced.json().get("title").asText());
    assertEquals("Ann", replaced.json().get("author").asText(), "author never comes from the body");
    assertEquals(post.get("createdAt"), replaced.json().get("createdAt"));

    Reply patched = ann.send("PATCH", "/api/posts/" + id, "{\"body\":\"third\"}", "If-Match", "\"2\"");
    assertEquals(200, patched.status(), patched::toString);
    assertEquals("Two", patched.json().get("title").asText(), "PATCH keeps what it does not name");
    assertEquals("third", patched.json().get("body").asText());
    assertEquals(3, patched.json().get("version").asLong());
    assertEquals(patched.json(), anonymous.get("/api/posts/" + id).json(), "the write is stored");

    Reply deleted = ann.send("DELETE", "/api/posts/" + id, null, "If-Match", "\"3\"");
    assertEquals(204, deleted.status(), deleted::toString);
    assertEquals(404, anonymous.get("/api/posts/" + id).status());
  }

  @Test
  @DisplayName("the author is the signed-in user, not whatever the body claims")
  void authorFromSession() {
    ApiClient bob = new ApiClient(server.baseUrl());
    bob.signIn("Bob");
    Reply created = bob.send("POST", "/api/posts", "{\"title\":\"t\",\"author\":\"Ann\"}");
    assertEquals(201, created.status());
    assertEquals("Bob", created.json().get("author").asText());
    assertEquals("", created.json().get("body").asText(), "body defaults to empty");
  }

  @Test
  @DisplayName("listing is newest first and paginated by cursor (X-Next-Cursor and Link rel=next)")
  void pagination() {
    List<Long> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(0, ann.create("p" + i, "").get("id").asLong());
    }
    Reply first = anonymous.get("/api/posts?limit=2");
    assertEquals(200, first.status());
    assertEquals(2, first.json().size());
    assertEquals(mine.get(0), first.json().get(0).get("id").asLong());
    assertEquals(mine.get(1), first.json().get(1).get("id").asLong());
    String cursor = first.header("X-Next-Cursor");
    assertEquals("</api/posts?limit=2&cursor=" + cursor + ">; rel=\"next\"", first.header("Link"));

    List<Long> walked = new ArrayList<>();
    first.json().forEach(p -> walked.add(p.get("id").asLong()));
    int pages = 1;
    while (cursor != null) {
      Reply page = anonymous.get("/api/posts?limit=2&cursor=" + cursor);
      assertEquals(200, page.status());
      page.json().forEach(p -> walked.add(p.get("id").asLong()));
      cursor = page.header("X-Next-Cursor");
      assertTrue(++pages < 100, "pagination terminates");
    }
    for (int i = 1; i < walked.size(); i++) {
      assertTrue(walked.get(i) < walked.get(i - 1), "strictly newest first, no repeats: " + walked);
    }
    assertTrue(walked.containsAll(mine));
    Reply all = anonymous.get("/api/posts?limit=200");
    assertEquals(walked.size(), all.json().size(), "pages together hold every post once");
    assertNull(all.header("X-Next-Cursor"));
    assertNull(all.header("Link"));
  }

  @Test
  @DisplayName("bad limit or cursor is a 400 naming the parameter")
  void badListParameters() {
    for (String query : List.of("limit=0", "limit=201", "limit=x", "limit=")) {
      Reply reply = anonymous.get("/api/posts?" + query);
      assertError(reply, 400, "invalid");
      assertEquals("limit", reply.json().get("field").asText(), query);
    }
    for (String cursor : List.of("abc", "-5", "0")) {
      Reply reply = anonymous.get("/api/posts?cursor=" + cursor);
      assertError(reply, 400, "invalid");
      assertEquals("cursor", reply.json().get("field").asText());
    }
  }

  @Test
  @DisplayName("writes without a session get 401 and change nothing")
  void writesNeedSession() {
    JsonNode post = ann.create("mine", "b");
    long id = post.get("id").asLong();
    assertError(anonymous.send("POST", "/api/posts", "{\"title\":\"x\"}"), 401, "unauthorized");
    assertError(anonymous.send("PUT", "/api/posts/" + id, "{\"title\":\"x\"}"), 401, "unauthorized");
    assertError(anonymous.send("PATCH", "/api/posts/" + id, "{\"title\":\"x\"}"), 401, "unauthorized");
    assertError(anonymous.send("DELETE", "/api/posts/" + id, null), 401, "unauthorized");
    assertEquals(post, anonymous.get("/api/posts/" + id).json());
  }

  @Test
  @DisplayName("malformed JSON is a 400 malformed_json, whatever the shape of the breakage")
  void malformedJson() {
    for (String body : List.of("{", "{\"title\": }", "not json", "{\"title\":\"a\"} trailing",
        "{\"title\":\"a\",\"title\":\"b\"}", "")) {
      Reply reply = ann.send("POST", "/api/posts", body);
      assertError(reply, 400, "malformed_json");
    }
    assertError(ann.send("POST", "/api/posts", "[1,2]"), 400, "invalid");
    assertError(ann.send("POST", "/api/posts", "\"text\""), 400, "invalid");
  }

  @Test
  @DisplayName("wrong types, missing or blank title and oversize fields are a 400 naming the field")
  void invalidFields() {
    long id = ann.create("valid", "").get("id").asLong();
    String longTitle = "t".repeat(201);
    String longBody = "b".repeat(20_001);
    Object[][] cases = {
        {"POST", "/api/posts", "{\"title\":5}", "title"},
        {"POST", "/api/posts", "{\"title\":\"ok\",\"body\":[1]}", "body"},
        {"POST", "/api/posts", "{\"body\":\"no title\"}", "title"},
        {"POST", "/api/posts", "{\"title\":null}", "title"},
        {"POST", "/api/posts", "{\"title\":\"   \"}", "title"},
        {"POST", "/api/posts", "{\"title\":" + ApiClient.quote(longTitle) + "}", "title"},
        {"POST", "/api/posts", "{\"title\":\"ok\",\"body\":" + ApiClient.quote(longBody) + "}", "body"},
        {"PUT", "/api/posts/" + id, "{\"body\":\"no title\",\"version\":1}", "title"},
        {"PUT", "/api/posts/" + id, "{\"title\":\"ok\",\"version\":\"1\"}", "version"},
        {"PUT", "/api/posts/" + id, "{\"title\":\"ok\",\"version\":1.5}", "version"},
        {"PUT", "/api/posts/" + id, "{\"title\":\"ok\",\"id\":" + (id + 1) + "}", "id"},
        {"PATCH", "/api/posts/" + id, "{}", "title"},
        {"PATCH", "/api/posts/" + id, "{\"title\":true}", "title"},
    };
    for (Object[] c : cases) {
      Reply reply = ann.send((String) c[0], (String) c[1], (String) c[2]);
      assertError(reply, 400, "invalid");
      assertEquals(c[3], reply.json().path("field").asText(), c[0] + " " + c[2]);
      assertTrue(reply.json().get("message").asText().contains((String) c[3]), "message names the field");
    }
    assertEquals(1, anonymous.get("/api/posts/" + id).json().get("version").asLong(), "no partial writes");
    assertEquals(201, ann.send("POST", "/api/posts", "{\"title\":" + ApiClient.quote("t".repeat(200))
        + ",\"body\":" + ApiClient.quote("b".repeat(20_000)) + "}").status(), "the limits themselves are fine");
  }

  @Test
  @DisplayName("unknown ids and URLs are a 404")
  void unknownIds() {
    long missing = 9_000_000_000L;
    assertError(anonymous.get("/api/posts/" + missing), 404, "not_found");
    assertError(ann.send("PUT", "/api/posts/" + missing, "{\"title\":\"x\"}"), 404, "not_found");
    assertError(ann.send("PATCH", "/api/posts/" + missing, "{\"title\":\"x\"}"), 404, "not_found");
    assertError(ann.send("DELETE", "/api/posts/" + missing, null), 404, "not_found");
    assertError(anonymous.get("/api/posts/abc"), 404, "not_found");
    assertError(anonymous.get("/api/posts/1/comments"), 404, "not_found");
    assertError(anonymous.get("/api/nothing-here"), 404, "not_found");
  }

  @Test
  @DisplayName("a body that is not application/json in UTF-8 is a 415")
  void wrongContentType() {
    assertError(ann.send("POST", "/api/posts", "{\"title\":\"x\"}", "Content-Type", "text/plain"), 415,
        "unsupported_media_type");
    assertError(ann.send("POST", "/api/posts", "title=x", "Content-Type", "application/x-www-form-urlencoded"),
        415, "unsupported_media_type");
    assertError(ann.send("POST", "/api/posts", "{\"title\":\"x\"}", "Content-Type",
        "application/json; charset=iso-8859-1"), 415, "unsupported_media_type");
    assertEquals(201, ann.send("POST", "/api/posts", "{\"title\":\"x\"}", "Content-Type",
        "application/json; charset=UTF-8").status());
  }

  @Test
  @DisplayName("a refused request leaves its kept-alive connection usable for the next one")
  void refusedBodiesKeepTheConnection() throws Exception {
    // Each refusal happens before the body is read; an unread body used to make the server drop the connection
    // under the client's next request ("header parser received no bytes").
    for (int i = 0; i < 150; i++) {
      assertError(ann.send("POST", "/api/posts", "{\"title\":\"x\"}", "Content-Type", "text/plain"), 415,
          "unsupported_media_type");
      assertError(anonymous.send("POST", "/api/posts", "{\"title\":\"x\"}"), 401, "unauthorized");
      assertError(ann.send("POST", "/api/posts", "{title"), 400, "malformed_json");
    }
    // A body still in flight when the refusal is written: the server must wait for it, not close under the client.
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(5000);
      var out = socket.getOutputStream();
      var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 3; i++) {
        out.write(("POST /api/posts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 14\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Thread.sleep(150);
        out.write("{\"title\":\"l8\"}".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        assertEquals("HTTP/1.1 401 Unauthorized", in.readLine());
        skipResponse(in);
      }
    }
    assertEquals(0, ann.get("/api/posts").json().size(), "nothing was stored");
  }

  /** Reads the rest of a response with a Content-Length body. */
  private static void skipResponse(BufferedReader in) throws IOException {
    int length = 0;
    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      in.read();
    }
  }

  @Test
  @DisplayName("a body over the configured limit is a 413, with or without a Content-Length")
  void bodyTooLarge() throws Exception {
    String huge = "{\"title\":\"x\",\"body\":\"" + "a".repeat(300 * 1024) + "\"}";
    assertError(ann.send("POST", "/api/posts", huge), 413, "payload_too_large");
    // Streamed (chunked, no Content-Length): the limit is enforced while reading.
    HttpClient http = HttpClient.newHttpClient();
    String cookie = "vertebra_session=" + sessionCookie();
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts"))
        .header("Content-Type", "application/json").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, chunked.statusCode(), chunked.body());
  }

  @Test
  @DisplayName("an unknown method is a 405 with Allow; OPTIONS lists the methods; HEAD is GET without a body")
  void unknownMethod() {
    long id = ann.create("m", "").get("id").asLong();
    Reply head = anonymous.send("HEAD", "/api/posts/" + id, null);
    assertEquals(200, head.status());
    assertEquals("\"1\"", head.header("ETag"));
    assertEquals("", head.raw().body());
    assertEquals(404, anonymous.send("HEAD", "/api/posts/" + (id + 1000), null).status());
    Reply reply = ann.send("TRACE", "/api/posts/" + id, null);
    assertError(reply, 405, "method_not_allowed");
    assertEquals("GET, PUT, PATCH, DELETE, HEAD, OPTIONS", reply.header("Allow"));
    Reply collection = ann.send("DELETE", "/api/posts", null);
    assertError(collection, 405, "method_not_allowed");
    assertEquals("GET, POST, HEAD, OPTIONS", collection.header("Allow"));
    assertError(ann.send("PUT", "/api/session", "{}"), 405, "method_not_allowed");
    Reply options = ann.send("OPTIONS", "/api/posts", null);
    assertEquals(204, options.status());
    assertEquals("GET, POST, HEAD, OPTIONS", options.header("Allow"));
  }

  @Test
  @DisplayName("a stale write (body version or If-Match) is a 409 carrying the current post; nothing is overwritten")
  void staleWrites() {
    long id = ann.create("v1", "").get("id").asLong();
    JsonNode v2 = ann.send("PUT", "/api/posts/" + id, "{\"title\":\"v2\",\"version\":1}").json();
    assertEquals(2, v2.get("version").asLong());

    Reply staleBody = ann.send("PUT", "/api/posts/" + id, "{\"title\":\"lost\",\"version\":1}");
    assertError(staleBody, 409, "conflict");
    assertEquals(v2, staleBody.json().get("current"));
    assertEquals("\"2\"", staleBody.header("ETag"));

    assertError(ann.send("PATCH", "/api/posts/" + id, "{\"title\":\"lost\"}", "If-Match", "\"1\""), 409,
        "conflict");
    assertError(ann.send("DELETE", "/api/posts/" + id, null, "If-Match", "\"1\""), 409, "conflict");
    assertEquals(v2, anonymous.get("/api/posts/" + id).json(), "nothing was overwritten");

    Reply disagree = ann.send("PUT", "/api/posts/" + id, "{\"title\":\"x\",\"version\":2}", "If-Match", "\"1\"");
    assertError(disagree, 400, "invalid");
    assertError(ann.send("PUT", "/api/posts/" + id, "{\"title\":\"x\"}", "If-Match", "seven"), 400, "invalid");
    assertEquals(200, ann.send("PUT", "/api/posts/" + id, "{\"title\":\"v3\"}", "If-Match", "W/\"2\"").status());
    assertEquals(200, ann.send("PATCH", "/api/posts/" + id, "{\"title\":\"v4\"}", "If-Match", "*").status());
  }

  @Test
  @DisplayName("two writers racing from the same version: exactly one wins, the other gets 409, every time")
  void racingWriters() throws Exception {
    ApiClient bob = new ApiClient(server.baseUrl());
    bob.signIn("Bob");
    long id = ann.create("race", "").get("id").asLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int rounds = 20;
      for (int round = 1; round <= rounds; round++) {
        CountDownLatch start = new CountDownLatch(1);
        String body = "{\"title\":\"round " + round + "\",\"version\":" + round + "}";
        Callable<Integer> annWrites = () -> {
          start.await();
          return ann.send("PUT", "/api/posts/" + id, body).status();
        };
        Callable<Integer> bobWrites = () -> {
          start.await();
          return bob.send("PATCH", "/api/posts/" + id, body).status();
        };
        Future<Integer> a = pool.submit(annWrites);
        Future<Integer> b = pool.submit(bobWrites);
        start.countDown();
        List<Integer> statuses = List.of(a.get(), b.get());
        assertTrue(statuses.contains(200) && statuses.contains(409), "round " + round + ": " + statuses);
      }
      assertEquals(rounds + 1, anonymous.get("/api/posts/" + id).json().get("version").asLong(),
          "one write per round: none lost, none doubled");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("If-None-Match with the current ETag is a 304")
  void conditionalGet() {
    long id = ann.create("etag", "").get("id").asLong();
    Reply notModified = anonymous.send("GET", "/api/posts/" + id, null, "If-None-Match", "\"1\"");
    assertEquals(304, notModified.status());
    assertEquals(200, anonymous.send("GET", "/api/posts/" + id, null, "If-None-Match", "\"0\"").status());
  }

  @Test
  @DisplayName("a malformed X-Socket-Id is a 400 before anything is written")
  void badSocketId() {
    int before = anonymous.get("/api/posts?limit=200").json().size();
    Reply reply = ann.send("POST", "/api/posts", "{\"title\":\"x\"}", "X-Socket-Id", "not-a-socket");
    assertError(reply, 400, "invalid");
    assertEquals("X-Socket-Id", reply.json().get("field").asText());
    assertEquals(before, anonymous.get("/api/posts?limit=200").json().size());
    assertEquals(201, ann.send("POST", "/api/posts", "{\"title\":\"x\"}", "X-Socket-Id", "123.456").status());
  }

  @Test
  @DisplayName("acknowledged writes survive a server restart")
  void survivesRestart() throws Exception {
    JsonNode post = ann.create("durable", "kept");
    JsonNode updated = ann.send("PATCH", "/api/posts/" + post.get("id").asLong(), "{\"body\":\"changed\"}").json();
    server.close();
    server = TestServers.serve(dataDir, databaseEnvironment);
    ApiClient after = new ApiClient(server.baseUrl());
    assertEquals(updated, after.get("/api/posts/" + post.get("id").asLong()).json());
    ApiClient again = new ApiClient(server.baseUrl());
    again.signIn("Ann");
    JsonNode next = again.create("after restart", "");
    assertNotEquals(post.get("id"), next.get("id"), "ids are not reused");
  }

  @Test
  @DisplayName("/api/config gives pusher-js its options and never the secret")
  void realtimeConfig() {
    Reply reply = anonymous.get("/api/config");
    assertEquals(200, reply.status());
    JsonNode config = reply.json();
    assertEquals(server.realtime().key(), config.get("key").asText());
    assertEquals(server.port(), config.get("wsPort").asInt());
    assertEquals("/pusher/auth", config.at("/channelAuthorization/endpoint").asText());
    assertEquals("/pusher/user-auth", config.at("/userAuthentication/endpoint").asText());
    assertFalse(reply.raw().body().contains(server.realtime().secret()), "no secret");
  }

  private String sessionCookie() {
    Reply session = ann.get("/api/session");
    assertEquals(200, session.status());
    // The cookie itself is HttpOnly and lives in the client's cookie store; read it from a fresh sign-in.
    HttpResponse<String> raw = new ApiClient(server.baseUrl()).send("POST", "/api/session", "{\"name\":\"C\"}").raw();
    String setCookie = raw.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }

  static void assertError(Reply reply, int status, String code) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals(code, reply.json().path("error").asText(), reply::toString);
    assertFalse(reply.json().path("message").asText().isEmpty(), "message present: " + reply);
  }
}
