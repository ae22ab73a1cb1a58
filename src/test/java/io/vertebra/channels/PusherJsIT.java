package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real pusher-js (Node build) against the server: public, private and presence channels, exact data,
 * socket_id exclusion, forged auth, member added/removed, client events not echoed, sign-in and user events,
 * cache channels, and reconnection after the server drops the connection (a restart on the same port); and the
 * features an app enables (subscription counts, watchlist events), each against a server configured for it.
 */
class PusherJsIT {

  @Test
  void pusherJsScenariosPass() throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer()) {
      List<String> lines = PusherJsRunner.run(server.port(), server.appId(), server.key(), server.secret(), null,
          server::restart);
      String output = String.join("\n", lines);
      System.out.println(output);
      assertEquals("exit=0", lines.get(lines.size() - 1), output);
      for (String scenario : List.of("public", "exclusion", "private", "forged", "presence", "clientEvents",
          "signin", "cache", "reconnect")) {
        assertTrue(lines.contains("PASS " + scenario), scenario + "\n" + output);
      }
    }
  }

  @Test
  void pusherJsHearsSubscriptionCountsWhenTheServerCountsThem() throws Exception {
    runOptIn("CHANNELS_SUBSCRIPTION_COUNT", "subscriptionCount");
  }

  @Test
  void pusherJsWatchlistHearsOnlineAndOfflineWhenTheServerSendsWatchlistEvents() throws Exception {
    runOptIn("CHANNELS_WATCHLIST_EVENTS", "watchlist");
  }

  /** Runs {@code scenario} against a server with the feature {@code variable} turned on. */
  private static void runOptIn(String variable, String scenario) throws Exception {
    try (ChannelsTestServer server = new ChannelsTestServer(Map.of(variable, "true"))) {
      List<String> lines = PusherJsRunner.run(server.port(), server.appId(), server.key(), server.secret(),
          scenario, null);
      String output = String.join("\n", lines);
      System.out.println(output);
      assertEquals("exit=0", lines.get(lines.size() - 1), output);
      assertTrue(lines.contains("PASS " + scenario), output);
    }
  }
}
