package io.vertebra.channels.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.webhook.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppsConfigTest {

  private static final String SECRET = "0123456789abcdef";

  private static List<HostedApp> apps(String value) {
    return AppsConfig.from(Map.of(AppsConfig.VARIABLE, value));
  }

  private static String error(String value) {
    return assertThrows(AppsConfigException.class, () -> apps(value)).getMessage();
  }

  @Test
  void unsetMeansOnlyTheDefaultApp() {
    assertEquals(List.of(), AppsConfig.from(Map.of()));
    assertEquals(List.of(), apps("  "));
  }

  @Test
  void inlineJsonWithSoketiFieldNamesSetsThatAppsLimitsWebhooksAndOrigins() {
    List<HostedApp> apps = apps("""
        [{"id": "shop", "key": "shop-key", "secret": "%s", "max_connections": 7,
          "max_client_events_per_second": 3, "max_api_requests_per_second": 20, "max_event_payload_in_kb": 2,
          "enable_subscription_count": true,
          "webhooks": [{"url": "http://127.0.0.1:9/hooks", "event_types": ["channel_occupied"]}],
          "allowed_origins": ["https://shop.example"]},
         {"id": 42, "key": "blog-key", "secret": "%s"}]""".formatted(SECRET, SECRET));
    assertEquals(2, apps.size());
    HostedApp shop = apps.get(0);
    assertEquals("shop", shop.credentials().appId());
    assertEquals(7, shop.limits().maxConnections());
    assertEquals(3, shop.limits().clientEventsPerSecond());
    assertEquals(20, shop.limits().apiRequestsPerSecond());
    assertEquals(2048, shop.limits().maxMessageBytes());
    assertTrue(shop.limits().subscriptionCount());
    assertEquals(List.of(new Webhook(java.net.URI.create("http://127.0.0.1:9/hooks"), Set.of("channel_occupied"))),
        shop.webhooks());
    assertTrue(shop.origins().allows("https://shop.example", "x"));
    assertTrue(!shop.origins().allows("https://evil.example", "x"));
    HostedApp blog = apps.get(1);
    assertEquals("42", blog.credentials().appId(), "a numeric id, as Pusher's are");
    assertEquals(Limits.defaults(), blog.limits());
    assertEquals(List.of(), blog.webhooks());
    assertNull(blog.origins(), "the server's origin policy");
  }

  @Test
  void anAppTakesTheServersLimitsWhereItSetsNone() {
    List<HostedApp> apps = AppsConfig.from(Map.of(AppsConfig.VARIABLE,
        "{\"apps\": [{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"" + SECRET + "\", \"max_connections\": 3}]}",
        "CHANNELS_CLIENT_EVENTS_PER_SECOND", "4", "CHANNELS_MAX_CONNECTIONS", "9"));
    assertEquals(4, apps.get(0).limits().clientEventsPerSecond());
    assertEquals(3, apps.get(0).limits().maxConnections(), "the app's own wins");
  }

  @Test
  void aWebhookWithoutEventTypesGetsAll() {
    HostedApp app = apps("[{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"" + SECRET
        + "\", \"webhooks\": [{\"url\": \"https://hooks.example/p\"}]}]").get(0);
    assertEquals(Set.copyOf(Webhook.EVENT_TYPES), app.webhooks().get(0).eventTypes());
  }

  @Test
  void aJsonFileByPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apps.json");
    Files.writeString(file, "[{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"" + SECRET + "\"}]");
    assertEquals("ka", apps(file.toString()).get(0).credentials().key());
    assertTrue(error(dir.resolve("missing.json").toString()).contains("cannot read the file"));
  }

  @Test
  void aShortListOfIdKeySecret() {
    List<HostedApp> apps = apps("a:ka:" + SECRET + ", b:kb:" + SECRET + ":with-colon");
    assertEquals(List.of("a", "b"), apps.stream().map(a -> a.credentials().appId()).toList());
    assertEquals(SECRET + ":with-colon", apps.get(1).credentials().secret());
  }

  @Test
  void badJsonNamesWhereItBroke() {
    String message = error("[{\"id\": \"a\", \"key\": }]");
    assertTrue(message.startsWith("CHANNELS_APPS (inline JSON) is not valid JSON at line 1"), message);
    assertTrue(error("{\"id\": \"a\"}").contains("must be a JSON array of apps"));
    assertTrue(error("[]").contains("lists no app"));
    assertTrue(error("[\"a\"]").contains("app 1 must be a JSON object"));
  }

  @Test
  void missingOrShortSecretsAndBadNamesAreRefused() {
    assertEquals("CHANNELS_APPS: app 1 has no secret", error("[{\"id\": \"a\", \"key\": \"ka\"}]"));
    assertTrue(error("[{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"short\"}]")
        .contains("app 1 (id a): secret must be at least 16 characters"));
    assertTrue(error("[{\"id\": \"a/b\", \"key\": \"ka\", \"secret\": \"" + SECRET + "\"}]")
        .contains("id must be 1 to 64 letters"));
    assertTrue(error("[{\"id\": \"a\", \"key\": \"k a\", \"secret\": \"" + SECRET + "\"}]")
        .contains("key must be 1 to 64 letters"));
  }

  @Test
  void duplicateIdsOrKeysAreRefused() {
    String app = "{\"id\": \"%s\", \"key\": \"%s\", \"secret\": \"" + SECRET + "\"}";
    assertTrue(error("[" + app.formatted("a", "k1") + "," + app.formatted("a", "k2") + "]")
        .contains("two apps have the id a"));
    assertTrue(error("[" + app.formatted("a", "k1") + "," + app.formatted("b", "k1") + "]")
        .contains("two apps have the key k1"));
  }

  @Test
  void badLimitsNameTheAppAndTheField() {
    String head = "[{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"" + SECRET + "\", ";
    assertEquals("CHANNELS_APPS: app 1 (id a): max_connections must be a positive whole number, got '0'",
        error(head + "\"max_connections\": 0}]"));
    assertTrue(error(head + "\"max_connections\": \"lots\"}]").contains("max_connections must be a whole number"));
    assertTrue(error(head + "\"enable_watchlist_events\": \"yes\"}]")
        .contains("enable_watchlist_events must be true or false"));
    assertTrue(error(head + "\"max_conections\": 5}]").contains("unknown field 'max_conections'"));
    assertTrue(error(head + "\"max_event_payload_in_kb\": 0}]").contains("max_event_payload_in_kb must be from 1"));
  }

  @Test
  void badWebhooksAndOriginsAreRefused() {
    String head = "[{\"id\": \"a\", \"key\": \"ka\", \"secret\": \"" + SECRET + "\", ";
    assertTrue(error(head + "\"webhooks\": [{\"url\": \"ftp://x/y\"}]}]").contains("webhook 1: must be an http(s)"));
    assertTrue(error(head + "\"webhooks\": [{\"url\": \"http://x/y\", \"event_types\": [\"channel_exploded\"]}]}]")
        .contains("unknown webhook event type 'channel_exploded'"));
    assertTrue(error(head + "\"webhooks\": {\"url\": \"http://x/y\"}}]").contains("webhooks must be an array"));
    assertTrue(error(head + "\"allowed_origins\": [\"https://x.example/path\"]}]").contains("allowed_origins:"));
  }
}
