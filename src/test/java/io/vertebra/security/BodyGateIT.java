package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP front door against slow and greedy clients (issue 21): a body that stops arriving gets 408 JSON (not a
 * 500 naming Java exceptions), a body declared or grown beyond its endpoint's limit gets 413 unread (chunked
 * pusher-js forms too), and a client with too many requests in flight gets 429 while {@code /healthz} and other
 * clients' requests still answer. Runs with a 2 s body timeout and 4 requests per client.
 */
class BodyGateIT {

  @RegisterExtension
  static final TestApp APP = TestApp.serve(Map.of("HTTP_BODY_TIMEOUT", "2", "HTTP_MAX_REQUESTS_PER_CLIENT", "4"));

  private static String head(String method, String path, String type, String framing) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n" + framing
        + "\r\n\r\n";
  }

  private static void assertCleanError(int status, RawHttp.Response answer) {
    assertEquals(status, answer.status(), answer.body());
    assertNull(Leaks.errorShape(answer.body()), answer.body());
    assertTrue(!answer.body().contains("Exception") && !answer.body().contains("java."), answer.body());
  }

  @Test
  void aTruncatedBodyFollowedBySilenceGets408Json() {
    RawHttp raw = new RawHttp(APP.server().port());
    String appId = APP.server().realtime().appId();
    for (String path : new String[] {"/api/posts", "/apps/" + appId + "/events", "/console/api/events"}) {
      long start = System.nanoTime();
      RawHttp.Response answer = raw.exchange(head("POST", path, "application/json", "Content-Length: 100")
          + "{\"name\":");
      assertCleanError(408, answer);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 10_000, path + " answered after " + millis + " ms, not at the 2 s body timeout");
    }
  }

  @Test
  void aBodyOverItsEndpointsLimitIsRefusedUnread() {
    RawHttp raw = new RawHttp(APP.server().port());
    // Declared: answered at once, although not one byte of the 10 MB follows.
    assertCleanError(413, raw.exchange(head("POST", "/api/posts", "application/json", "Content-Length: 10000000")));
    // The sign-in, open to anyone, takes a display name: 8 KiB at most.
    assertCleanError(413, raw.exchange(head("POST", "/api/session", "application/json", "Content-Length: 9000")));
    // Chunked, to pusher-js's 8 KiB auth endpoint: refused as the body grows past the limit.
    String chunk = Integer.toHexString(9000) + "\r\n" + "a".repeat(9000) + "\r\n";
    assertCleanError(413, raw.exchange(head("POST", "/pusher/auth", "application/x-www-form-urlencoded",
        "Transfer-Encoding: chunked") + chunk + "0\r\n\r\n"));
  }

  @Test
  void aClientWithTooManyRequestsInFlightGets429AndHealthzStillAnswers() throws Exception {
    RawHttp raw = new RawHttp(APP.server().port());
    try (SlowBodies held = new SlowBodies(APP.server().port(), "/api/posts", 4, 500)) {
      Thread.sleep(300);
      RawHttp.Response refused = raw.send(RawHttp.Request.of("GET", "/api/posts?limit=1", null));
      assertCleanError(429, refused);
      assertEquals("close", refused.header("Connection"));
      assertEquals(200, raw.send(RawHttp.Request.of("GET", "/healthz", null)).status(), "healthz is exempt");
    }
    Thread.sleep(2500); // the held bodies time out; the client's slots are free again
    assertEquals(200, raw.send(RawHttp.Request.of("GET", "/api/posts?limit=1", null)).status());
  }
}
