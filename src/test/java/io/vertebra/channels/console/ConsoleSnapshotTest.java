package io.vertebra.channels.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.TestJson;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.PresenceMember;
import io.vertebra.channels.channel.RecordingSubscriber;
import io.vertebra.channels.limits.Limits;
import io.vertebra.console.shared.ConsoleApi;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** What the console's snapshot says about the server. */
class ConsoleSnapshotTest {

  private final ChannelsApp app = ChannelsApp.create(new AppCredentials("1", "key", "secret"), Limits.defaults(),
      ChannelListener.NONE, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor());

  @Test
  void channelsSortedWithCountsAndPresenceMembersWithoutTheFeedChannel() {
    app.channels().subscribe("zeta", new RecordingSubscriber("1.1"));
    app.channels().subscribe("zeta", new RecordingSubscriber("1.2"));
    app.channels().subscribe(ConsoleApi.FEED_CHANNEL, new RecordingSubscriber("1.3"));
    app.channels().subscribePresence("presence-alpha", new RecordingSubscriber("1.1"),
        new PresenceMember("u1", TestJson.parse("{\"name\":\"Ada\"}")), 100);
    app.channels().subscribePresence("presence-alpha", new RecordingSubscriber("1.4"),
        new PresenceMember("u1", null), 100);

    ObjectNode snapshot = ConsoleSnapshot.of(app);

    assertEquals("{\"embedded\":true,\"connections\":0,\"channels\":["
        + "{\"name\":\"presence-alpha\",\"type\":\"presence\",\"subscriptions\":2,"
        + "\"members\":[{\"id\":\"u1\",\"info\":{\"name\":\"Ada\"}}]},"
        + "{\"name\":\"zeta\",\"type\":\"public\",\"subscriptions\":2}],\"truncated\":false}", snapshot.toString());
  }

  @Test
  void manyChannelsAreCappedAndFlagged() {
    for (int i = 0; i < ConsoleSnapshot.MAX_CHANNELS + 1; i++) {
      app.channels().subscribe("c-" + i, new RecordingSubscriber("1.1"));
    }
    ObjectNode snapshot = ConsoleSnapshot.of(app);
    assertEquals(ConsoleSnapshot.MAX_CHANNELS, snapshot.get(ConsoleApi.CHANNELS).size());
    assertEquals(true, snapshot.get(ConsoleApi.TRUNCATED).asBoolean());
  }
}
