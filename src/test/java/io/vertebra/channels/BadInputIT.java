package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on both sides of the server: every case gets a clear error (pusher:error / close code, or a JSON
 * {error, message} with a 4xx status), and a bystander subscribed throughout keeps receiving events.
 */
class BadInputIT {

  private static ChannelsTestServer server;
  private static SignedHttp http;
  private RawSocket bystander;

  @BeforeAll
  static void start() throws Exception {
    server = new ChannelsTestServer();
    http = new SignedHttp(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void subscribeBystander() throws Exception {
    bystander = RawSocket.open(server, "/app/" + server.key() + "?protocol=7");
    bystander.socketId();
    bystander.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"bystander\"}}");
    assertNotNull(bystander.next("pusher_internal:subscription_succeeded", 5000));
  }

  @AfterEach
  void bystanderIsStillServed() throws Exception {
    server.rest().trigger("bystander", "still-there", Map.of("ok", true));
    assertNotNull(bystander.next("still-there", 5000), "other clients keep being served");
    bystander.close();
  }

  private static void assertRefused(String path, int code) throws Exception {
    try (RawSocket s = RawSocket.open(server, path)) {
      JsonNode error = s.next("pusher:error", 5000);
      assertNotNull(error, path);
      assertEquals(code, error.path("data").path("code").asInt(), path);
      assertEquals(code, s.awaitClose(5000), path);
    }
  }

  @Test
  void connectionsWithBadKeyPathOrProtocolAreRefusedWithTheirCodes() throws Exception {
    assertRefused("/app/wrong-key?protocol=7", ErrorCode.APP_NOT_FOUND);
    assertRefused("/app/" + server.key(), ErrorCode.NO_PROTOCOL_VERSION);
    assertRefused("/app/" + server.key() + "?protocol=seven", ErrorCode.INVALID_VERSION_FORMAT);
    assertRefused("/app/" + server.key() + "?protocol=9", ErrorCode.UNSUPPORTED_PROTOCOL);
    assertRefused("/app/" + server.key() + "/extra?protocol=7", ErrorCode.PATH_NOT_FOUND);
  }

  @Test
  void malformedUnknownOversizeAndInvalidFramesGetErrorsAndTheConnectionStaysUsable() throws Exception {
    try (RawSocket s = RawSocket.open(server, "/app/" + server.key() + "?protocol=7")) {
      s.socketId();
      List<String> bad = List.of("{not json", "[]", "{\"event\":\"pusher:teleport\",\"data\":{}}",
          "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"no spaces allowed\"}}",
          "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"k:forged\"}}",
          "{\"event\":\"client-x\",\"channel\":\"bystander\",\"data\":{}}",
          "{\"event\":\"client-x\",\"channel\":\"private-x\",\"data\":\"" + "x".repeat(11_000) + "\"}");
      for (String frame : bad) {
        s.send(frame);
        JsonNode error = s.next("pusher:error", 5000);
        assertNotNull(error, frame);
        assertTrue(error.path("data").path("message").asText().length() > 5, frame);
      }
      s.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      assertNotNull(s.next("pusher:pong", 5000));
      assertTrue(server.stats().clientErrors() >= bad.size(), server.stats().toString());
    }
  }

  @Test
  void plainHttpToTheWebSocketEndpointIsExplained() throws Exception {
    var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(server.baseUrl() + "/app/" + server.key())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(426, response.statusCode());
    assertEquals("upgrade_required", io.vertebra.channels.protocol.Frames.JSON.readTree(response.body())
        .get("error").asText());
  }

  @Test
  void httpRequestsWithBadCredentialsGet401() throws Exception {
    String body = "{\"name\":\"e\",\"channel\":\"bystander\",\"data\":\"{}\"}";
    long now = System.currentTimeMillis() / 1000;
    String path = "/apps/" + server.appId() + "/events";

    Map<String, String> badSignature = new HashMap<>(http.signedQuery("POST", path, body, now, Map.of()));
    badSignature.put("auth_signature", "0".repeat(64));
    assertError(http.send("POST", path, body, badSignature), 401, "unauthorized");

    Map<String, String> stale = http.signedQuery("POST", path, body, now - 601, Map.of());
    assertError(http.send("POST", path, body, stale), 401, "unauthorized");

    Map<String, String> wrongBody = http.signedQuery("POST", path, body, now, Map.of());
    assertError(http.send("POST", path, body.replace("\"e\"", "\"f\""), wrongBody), 401, "unauthorized");

    Map<String, String> wrongKey = new HashMap<>(http.signedQuery("POST", path, body, now, Map.of()));
    wrongKey.put("auth_key", "other");
    assertError(http.send("POST", path, body, wrongKey), 401, "unauthorized");
  }

  @Test
  void malformedOrOversizeHttpRequestsGet4xxJson() throws Exception {
    String events = "/apps/" + server.appId() + "/events";
    assertError(http.send("POST", events, "{not json"), 400, "invalid_request");
    assertError(http.send("POST", events, "{\"name\":\"e\",\"data\":\"{}\"}"), 400, "invalid_request");
    assertError(http.send("POST", events, "{\"name\":\"e\",\"channel\":\"bad name\",\"data\":\"{}\"}"), 400,
        "invalid_request");
    assertError(http.send("POST", events, "{\"name\":\"e\",\"channel\":\"a\",\"data\":{\"not\":\"string\"}}"),
        400, "invalid_request");
    assertError(http.send("POST", events, "{\"name\":\"e\",\"channel\":\"a\",\"data\":\"{}\",\"socket_id\":\"x\"}"),
        400, "invalid_request");
    String big = "x".repeat(10 * 1024 + 1);
    assertError(http.send("POST", events, "{\"name\":\"e\",\"channel\":\"a\",\"data\":\"" + big + "\"}"), 413,
        "payload_too_large");
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 11; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"name\":\"e\",\"channel\":\"a\",\"data\":\"{}\"}");
    }
    assertError(http.send("POST", "/apps/" + server.appId() + "/batch_events", batch + "]}"), 413,
        "batch_too_large");
    assertError(http.send("POST", events, "{\"pad\":\"" + "y".repeat(300 * 1024) + "\"}"), 413,
        "payload_too_large");
    assertError(http.send("GET", "/apps/" + server.appId() + "/channels/bystander/users", null), 400,
        "invalid_request");
    assertError(http.send("GET", events, null), 405, "method_not_allowed");
    assertError(http.send("GET", "/apps/" + server.appId() + "/nothing", null), 404, "not_found");
    assertError(http.send("GET", "/apps/999/channels", null), 404, "not_found");
  }

  private static void assertError(SignedHttp.Response r, int status, String error) {
    assertEquals(status, r.status(), r.body().toString());
    assertEquals(error, r.body().path("error").asText(), r.body().toString());
    assertTrue(r.body().path("message").asText().length() > 5, r.body().toString());
  }
}
