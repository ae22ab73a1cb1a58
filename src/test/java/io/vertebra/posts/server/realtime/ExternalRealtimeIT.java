package io.vertebra.posts.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.channel.PusherEvent;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PUSHER_URL: the app triggers into a separate Pusher-compatible service (here our channels server running alone,
 * as it would on another host) with no code change, and tells the browser where that service is.
 */
class ExternalRealtimeIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path channelsData;

  @TempDir
  Path appData;

  @Test
  @DisplayName("with PUSHER_URL, events reach subscribers of the external service and /api/config points there")
  void triggersIntoExternalService() throws Exception {
    try (AppServer channels = TestServers.start(channelsData, Map.of(), AppServer.Mode.CHANNELS)) {
      var service = channels.realtime();
      String pusherUrl = "http://" + service.key() + ":" + service.secret() + "@127.0.0.1:" + channels.port()
          + "/apps/" + service.appId();
      try (AppServer app = TestServers.serve(appData, Map.of("PUSHER_URL", pusherUrl,
          "PUSHER_WS_HOST", "127.0.0.1", "PUSHER_WS_PORT", Integer.toString(channels.port())));
          Subscriber subscriber = new Subscriber(channels, null)) {
        JsonNode config = new ApiClient(app.baseUrl()).get("/api/config").json();
        assertEquals(service.key(), config.get("key").asText());
        assertEquals("127.0.0.1", config.get("wsHost").asText());
        assertEquals(channels.port(), config.get("wsPort").asInt());
        assertFalse(config.toString().contains(service.secret()));

        subscriber.subscribe("posts", "post:create");
        ApiClient ann = new ApiClient(app.baseUrl());
        ann.signIn("Ann");
        JsonNode created = ann.create("external", "");
        PusherEvent event = subscriber.next(5000);
        assertNotNull(event, "post:create delivered by the external service");
        assertEquals("post:create", event.getEventName());
        assertEquals(created, MAPPER.readTree(event.getData()));
      }
    }
  }
}
