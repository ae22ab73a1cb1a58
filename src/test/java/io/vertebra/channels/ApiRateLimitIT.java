package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.rest.data.Result;
import io.vertebra.kit.ops.Exposition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flooding an app's HTTP API with pusher-http-java over the per-app limit (CHANNELS_API_REQUESTS_PER_SECOND):
 * requests over the budget get 429 with a JSON {@code {error, message}} and {@code Retry-After}, none of their events
 * reaches a subscriber (pusher-java-client) while every admitted one does, unsigned floods do not spend the budget,
 * and {@code /metrics} shows the limit and the refusals.
 */
class ApiRateLimitIT {

  private static final int PER_SECOND = 5;

  @Test
  void triggersOverTheAppsBudgetGet429AndOnlyAdmittedEventsAreDelivered() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(
            Map.of("CHANNELS_API_REQUESTS_PER_SECOND", Integer.toString(PER_SECOND)));
        JavaClient subscriber = new JavaClient(server, "u1")) {
      subscriber.subscribe("flood", "tick");
      int admitted = 0;
      int refused = 0;
      long start = System.nanoTime();
      for (int i = 0; i < 40; i++) {
        Result result = server.rest().trigger("flood", "tick", Map.of("n", i));
        if (result.getHttpStatus() == 200) {
          admitted++;
        } else {
          assertEquals(429, result.getHttpStatus(), result.getMessage());
          assertTrue(result.getMessage().contains("too_many_requests"), result.getMessage());
          refused++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      // A bucket of 5 refilled at 5 a second admits at most 5 + 5 * seconds of the 40.
      assertTrue(admitted <= PER_SECOND + Math.ceil(PER_SECOND * seconds), admitted + " admitted in " + seconds);
      assertTrue(refused > 0 || seconds > 6, "nothing refused in " + seconds + " s");

      for (int i = 0; i < admitted; i++) {
        assertTrue(subscriber.next(10_000) != null, "admitted event " + i + " of " + admitted + " delivered");
      }
      assertNull(subscriber.next(500), "no refused event was delivered");

      Exposition metrics = Exposition.parse(get(server, "/metrics"));
      assertEquals(PER_SECOND, metrics.value("vertebra_channels_api_requests_per_second_limit"));
      assertEquals(refused, metrics.value("vertebra_channels_api_requests_total", "code", "429"));
    }
  }

  @Test
  void aRefusedRequestCarriesRetryAfterAndAJsonError() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_API_REQUESTS_PER_SECOND", "1"))) {
      SignedHttp http = new SignedHttp(server);
      String path = "/apps/" + server.appId() + "/channels";
      SignedHttp.Response last = null;
      for (int i = 0; i < 5 && (last == null || last.status() != 429); i++) {
        last = http.send("GET", path, null);
      }
      assertEquals(429, last.status(), last.body().toString());
      assertEquals("too_many_requests", last.body().path("error").asText());
      assertTrue(last.body().path("message").asText().contains("limit of 1 HTTP API requests a second"),
          last.body().toString());
      long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
      assertEquals(1, retryAfter, "a budget of 1 a second refills within a second");

      Thread.sleep(retryAfter * 1_000 + 100);
      assertEquals(200, http.send("GET", path, null).status(), "admitted again after Retry-After");
    }
  }

  @Test
  void unsignedFloodsDoNotSpendTheAppsBudget() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of("CHANNELS_API_REQUESTS_PER_SECOND", "2"))) {
      SignedHttp http = new SignedHttp(server);
      String path = "/apps/" + server.appId() + "/channels";
      Map<String, String> forged = http.signedQuery("GET", path, null, System.currentTimeMillis() / 1000, Map.of());
      forged.put("auth_signature", "0".repeat(64));
      for (int i = 0; i < 30; i++) {
        assertEquals(401, http.send("GET", path, null, forged).status());
      }
      assertEquals(200, http.send("GET", path, null).status(), "the app's own request still goes through");
    }
  }

  private static String get(ChannelsTestServer server, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
