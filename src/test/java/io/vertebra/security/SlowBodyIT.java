package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21's slow-body outage: 400 unauthenticated connections, each trickling one body byte every 5 s (80 B/s
 * in total) to {@code /api/posts} and to the channels HTTP API, used to exhaust the server's threads so that
 * {@code GET /api/posts?limit=1} and {@code /healthz} timed out. The server must keep answering both while the
 * attack runs. Prints the figures (connections, attack bytes/s, probe latency, live threads) for docs/security.md.
 * The probes' 10 s bound is a liveness check against an outage (15 s+ before the fix), not a performance target.
 */
class SlowBodyIT {

  private static final int CONNECTIONS = Integer.getInteger("vertebra.slowbody.connections", 400);
  private static final long INTERVAL_MS = Long.getLong("vertebra.slowbody.intervalMillis", 5000);

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void slowBodiesDoNotDenyServiceToOtherClients() throws Exception {
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long baseline = probe("/api/posts?limit=1");
    int half = CONNECTIONS / 2;
    // From four addresses (100 connections each, under the per-client limit): the body gate alone must hold.
    try (SlowBodies posts = new SlowBodies(APP.port(), "/api/posts", half, INTERVAL_MS, 4);
        SlowBodies api = new SlowBodies(APP.port(), "/apps/" + APP.appId() + "/events", CONNECTIONS - half,
            INTERVAL_MS, 4)) {
      Thread.sleep(3 * INTERVAL_MS); // the attack is established: every request's headers are in
      int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
      long api1 = probe("/api/posts?limit=1");
      long health = probe("/healthz");
      Thread.sleep(3 * INTERVAL_MS);
      long api2 = probe("/api/posts?limit=1");
      System.out.printf("[slow-body] %d connections, %.0f B/s in total: probe GET /api/posts?limit=1 %d ms before,"
          + " %d / %d ms during; /healthz %d ms; live threads %d -> %d; connections closed by the server %d%n",
          CONNECTIONS, posts.bytesPerSecond() + api.bytesPerSecond(), baseline, api1, api2, health, threadsBefore,
          threadsDuring, posts.closedByServer() + api.closedByServer());
      assertTrue(api1 < 10_000 && api2 < 10_000 && health < 10_000, "the server keeps answering");
    }
  }

  /** Milliseconds until a 200 answer (fails on another status; 15 s timeout counts as an outage). */
  private long probe(String path) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(URI.create(APP.baseUrl() + path)).timeout(Duration.ofSeconds(15))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      return 15_000;
    }
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    return (System.nanoTime() - start) / 1_000_000;
  }
}
