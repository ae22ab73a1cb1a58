package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Watchlist events through pusher:signin and connection closes, as a pusher-js client would see them. */
class WatchlistSigninTest {

  private final TestApp server = new TestApp(Limits.from(Map.of("CHANNELS_WATCHLIST_EVENTS", "true")),
      ChannelListener.NONE);

  private static String watching(String id, String... watchlist) {
    return "{\"id\":\"" + id + "\",\"watchlist\":[" + String.join(",", List.of(watchlist).stream()
        .map(w -> "\"" + w + "\"").toList()) + "]}";
  }

  /** Every watchlist event the client received, flattened to "online:bob" / "offline:bob". */
  private static List<String> watchlistEvents(TestApp.Client client) {
    List<String> seen = new ArrayList<>();
    for (JsonNode frame : client.sink.frames()) {
      if (frame.path("event").asText().equals("pusher_internal:watchlist_events")) {
        assertEquals(false, frame.has("channel"), "not on a channel");
        for (JsonNode event : io.vertebra.channels.TestJson.data(frame).get("events")) {
          for (JsonNode id : event.get("user_ids")) {
            seen.add(event.get("name").asText() + ":" + id.asText());
          }
        }
      }
    }
    return seen;
  }

  @Test
  void aSignedInUserLearnsItsWatchlistsStateAndThenEveryChange() {
    var carol = server.connect();
    carol.signIn("carol");
    var alice = server.connect();
    alice.signInAs(watching("alice", "bob", "carol"));
    assertEquals(List.of("pusher:signin_success", "pusher_internal:watchlist_events"), alice.sink.events(),
        "the state follows the sign-in success");
    assertEquals(List.of("online:carol", "offline:bob"), watchlistEvents(alice));

    var bobPhone = server.connect();
    bobPhone.signIn("bob");
    var bobLaptop = server.connect();
    bobLaptop.signIn("bob");
    assertEquals(List.of("online:carol", "offline:bob", "online:bob"), watchlistEvents(alice),
        "online once, at the user's first connection");
    bobPhone.close();
    assertEquals(3, watchlistEvents(alice).size(), "still online on the laptop");
    bobLaptop.close();
    carol.close();
    assertEquals(List.of("online:carol", "offline:bob", "online:bob", "offline:bob", "offline:carol"),
        watchlistEvents(alice));
    assertEquals(List.of(), watchlistEvents(bobLaptop), "bob watches nobody");
  }

  @Test
  void aClosedWatcherHearsNothingMore() {
    var alice = server.connect();
    alice.signInAs(watching("alice", "bob"));
    alice.close();
    int before = alice.sink.sentCount();
    server.connect().signIn("bob");
    assertEquals(before, alice.sink.sentCount());
  }

  @Test
  void watchlistsThatBreakPushersRulesRefuseTheSignIn() {
    String hundredAndOne = watching("alice", java.util.stream.IntStream.rangeClosed(1, 101)
        .mapToObj(i -> "u" + i).toArray(String[]::new));
    for (String userData : List.of(hundredAndOne, "{\"id\":\"alice\",\"watchlist\":\"bob\"}",
        "{\"id\":\"alice\",\"watchlist\":[7]}", "{\"id\":\"alice\",\"watchlist\":[\"\"]}")) {
      var alice = server.connect();
      alice.signInAs(userData);
      assertNull(alice.sink.last("pusher:signin_success"), userData);
      assertEquals(ErrorCode.UNAUTHORIZED, alice.lastErrorCode(), userData);
      assertEquals("watchlist must be an array of at most 100 user ids of 1 to 128 characters",
          alice.lastErrorMessage());
      assertNull(alice.connection.userId(), "not signed in");
    }
    var full = server.connect();
    full.signInAs(watching("alice", java.util.stream.IntStream.rangeClosed(1, 100)
        .mapToObj(i -> "u" + i).toArray(String[]::new)));
    assertNotNull(full.sink.last("pusher:signin_success"), "100 is allowed");
  }

  @Test
  void withWatchlistEventsOffTheWatchlistIsIgnored() {
    var plain = new TestApp(Limits.defaults(), ChannelListener.NONE);
    var alice = plain.connect();
    alice.signInAs("{\"id\":\"alice\",\"watchlist\":\"not even a list\"}");
    plain.connect().signIn("bob");
    assertEquals(List.of("pusher:signin_success"), alice.sink.events());
  }
}
