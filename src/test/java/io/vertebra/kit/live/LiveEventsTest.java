package io.vertebra.kit.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.kit.realtime.EventTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Event data: the whole record while it fits Pusher's 10 KB message limit, else {id, version}. */
class LiveEventsTest {

  private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

  private final LiveJson json = new LiveJson(new ObjectMapper());
  private final PusherAsync pusher = new PusherAsync("1", "k", "s");
  private final LiveEvents events = new LiveEvents(LiveResourcesTest.NOTES, new EventTrigger(pusher), json);

  @AfterEach
  void close() throws Exception {
    pusher.close();
  }

  @Test
  @DisplayName("a record whose JSON is exactly 10240 bytes goes whole; one byte more goes as {id, version}")
  void sizeLimit() {
    int overhead = json.text(json.record(note(""))).getBytes(StandardCharsets.UTF_8).length;
    String body = "é".repeat((EventTrigger.MAX_EVENT_DATA_BYTES - overhead) / 2)
        + ((EventTrigger.MAX_EVENT_DATA_BYTES - overhead) % 2 == 1 ? "a" : "");
    LiveRecord fits = note(body);
    assertEquals(EventTrigger.MAX_EVENT_DATA_BYTES, events.data(fits).getBytes(StandardCharsets.UTF_8).length,
        "counted in UTF-8 bytes, not characters");
    assertEquals(json.text(json.record(fits)), events.data(fits));
    assertEquals("{\"id\":42,\"version\":3}", events.data(note(body + "a")));
  }

  @Test
  @DisplayName("a trigger the client refuses before sending (bad socket id) is counted as failed, never thrown")
  void refusedTriggerIsCounted() {
    events.changed(note("x"), "not-a-socket-id");
    assertEquals(1, events.stats().attempted());
    assertEquals(1, events.stats().failed());
    assertTrue(events.stats().toString().contains("failed=1"));
  }

  private static LiveRecord note(String body) {
    return new LiveRecord(42, 3, T, T, Map.of("title", "t", "body", body, "pinned", false, "stars", 3L));
  }
}
