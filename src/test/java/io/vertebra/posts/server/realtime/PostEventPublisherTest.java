package io.vertebra.posts.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.posts.server.PostJson;
import io.vertebra.posts.server.store.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Event data: the whole post while it fits Pusher's 10 KB message limit, else {id, version}. */
class PostEventPublisherTest {

  private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

  private final PostJson json = new PostJson(new ObjectMapper());
  private final PusherAsync pusher = new PusherAsync("1", "k", "s");
  private final PostEventPublisher publisher = new PostEventPublisher(pusher, json);

  @AfterEach
  void close() throws Exception {
    pusher.close();
  }

  @Test
  @DisplayName("a post whose JSON is exactly 10240 bytes goes whole; one byte more goes as {id, version}")
  void sizeLimit() {
    Post empty = post("");
    int overhead = json.write(json.toJson(empty)).getBytes(StandardCharsets.UTF_8).length;
    Post fits = post("é".repeat((PostEventPublisher.MAX_EVENT_DATA_BYTES - overhead) / 2));
    if ((PostEventPublisher.MAX_EVENT_DATA_BYTES - overhead) % 2 == 1) {
      fits = post(fits.body() + "a");
    }
    assertEquals(PostEventPublisher.MAX_EVENT_DATA_BYTES, publisher.postData(fits).getBytes(StandardCharsets.UTF_8)
        .length, "counted in UTF-8 bytes, not characters");
    assertEquals(json.write(json.toJson(fits)), publisher.postData(fits));
    Post tooBig = post(fits.body() + "a");
    assertEquals("{\"id\":42,\"version\":3}", publisher.postData(tooBig));
  }

  @Test
  @DisplayName("a trigger the client refuses before sending (bad socket id) is counted as failed, never thrown")
  void refusedTriggerIsCounted() {
    publisher.changed(post("x"), "not-a-socket-id");
    assertEquals(1, publisher.stats().attempted());
    assertEquals(1, publisher.stats().failed());
    assertTrue(publisher.stats().toString().contains("failed=1"));
  }

  private static Post post(String body) {
    return new Post(42, "title", body, "Ann", 3, T, T, "u1", "Ann");
  }
}
