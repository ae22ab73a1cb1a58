package io.vertebra.channels.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.RecordingSubscriber;
import io.vertebra.channels.limits.Limits;
import io.vertebra.console.shared.ConsoleApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The console's live feed: batched, bounded, silent when nobody watches, blind to its own channel. */
class ConsoleFeedTest {

  private final ChannelsApp app = ChannelsApp.create(new AppCredentials("1", "key", "secret"), Limits.defaults(),
      ChannelListener.NONE, Clock.fixed(Instant.ofEpochMilli(1_234), ZoneOffset.UTC),
      Executors.newSingleThreadScheduledExecutor());
  private final ConsoleFeed feed = new ConsoleFeed(app);
  private final RecordingSubscriber console = new RecordingSubscriber("1.1");

  @Test
  void entriesArePublishedAsOneBatchOnTheFeedChannel() {
    watch();
    feed.connectionOpened("2.2");
    feed.subscribed("presence-room", "2.2", "u7");
    feed.eventTriggered("post-1", "post:change", "{\"id\":1}", null);
    feed.subscriptionRejected("private-x", "2.2", 401, "Invalid signature");
    feed.flush();

    JsonNode batch = console.lastData(ConsoleApi.LOG_EVENT);
    assertEquals(1, console.events().stream().filter(ConsoleApi.LOG_EVENT::equals).count());
    JsonNode entries = batch.get(ConsoleApi.ENTRIES);
    assertEquals(4, entries.size());
    assertEquals("{\"kind\":\"connected\",\"time\":1234,\"socketId\":\"2.2\"}", entries.get(0).toString());
    assertEquals("u7", entries.get(1).get(ConsoleApi.USER_ID).asText());
    assertEquals("post:change", entries.get(2).get(ConsoleApi.EVENT).asText());
    assertEquals("{\"id\":1}", entries.get(2).get(ConsoleApi.DATA).asText());
    assertEquals(401, entries.get(3).get(ConsoleApi.STATUS).asInt());
    assertEquals(0, batch.get(ConsoleApi.DROPPED).asInt());
  }

  @Test
  void nothingIsQueuedWhileNobodyWatches() {
    feed.connectionOpened("2.2");
    watch();
    feed.flush();
    assertTrue(console.events().stream().noneMatch(ConsoleApi.LOG_EVENT::equals), "an old entry was published");
  }

  @Test
  void theFeedChannelItselfIsNotLogged() {
    watch();
    feed.subscribed(ConsoleApi.FEED_CHANNEL, "1.1", null);
    feed.unsubscribed(ConsoleApi.FEED_CHANNEL, "1.1");
    feed.flush();
    assertTrue(console.events().stream().noneMatch(ConsoleApi.LOG_EVENT::equals));
  }

  @Test
  void overflowIsDroppedAndCountedAndBatchesAreBounded() {
    watch();
    for (int i = 0; i < ConsoleFeed.MAX_PENDING + 5; i++) {
      feed.connectionOpened("2." + i);
    }
    feed.flush();
    int total = 0;
    long dropped = 0;
    for (var frame : console.frames()) {
      if (ConsoleApi.LOG_EVENT.equals(frame.path("event").asText())) {
        JsonNode batch = io.vertebra.channels.TestJson.data(frame);
        assertTrue(batch.get(ConsoleApi.ENTRIES).size() <= ConsoleFeed.MAX_BATCH);
        total += batch.get(ConsoleApi.ENTRIES).size();
        dropped += batch.get(ConsoleApi.DROPPED).asLong();
      }
    }
    assertEquals(ConsoleFeed.MAX_PENDING, total);
    assertEquals(5, dropped);
  }

  @Test
  void longDataIsCutToAPreview() {
    watch();
    feed.clientEvent("private-chat", "client-big", "x".repeat(ConsoleFeed.MAX_DATA_CHARS + 10), "2.2", null);
    feed.flush();
    String data = console.lastData(ConsoleApi.LOG_EVENT).get(ConsoleApi.ENTRIES).get(0).get(ConsoleApi.DATA)
        .asText();
    assertTrue(data.endsWith("… (" + (ConsoleFeed.MAX_DATA_CHARS + 10) + " characters)"), data);
  }

  private void watch() {
    app.channels().subscribe(ConsoleApi.FEED_CHANNEL, console);
    console.clear();
  }
}
