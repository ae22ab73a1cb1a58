package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.kit.config.Config;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The start-up warm-up ({@link WarmUp}): it drives real connections, then leaves nothing behind, and never fails. */
class WarmUpIT {

  @Test
  @DisplayName("drives its connections and events through a throwaway server, then nothing listens and no worker is "
      + "left")
  void drivesConnectionsAndLeavesNothingRunning() throws Exception {
    WarmUp.Result result = WarmUp.run(200, 120_000);
    assertNull(result.problem(), result.describe());
    assertTrue(result.connections() >= 200, result.describe());
    // Every event was read by every subscriber of the event phase, or the worker would have reported a problem.
    assertTrue(result.events() >= 200 * WarmUp.EVENTS_PER_CONNECTION, result.describe());
    assertTrue(result.port() > 0, result.describe());
    try (Socket socket = new Socket()) {
      assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", result.port()), 2_000),
          "the warm-up's server still listens on " + result.port());
    }
    assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("warm-up-")
        && t.isAlive()), "a warm-up worker outlived it");
  }

  @Test
  @DisplayName("the event phase triggers signed events through the HTTP API as many times as asked")
  void triggersEventsThroughTheApi() {
    WarmUp.Result result = WarmUp.run(50, 300, 120_000);
    assertNull(result.problem(), result.describe());
    assertEquals(300, result.events(), result.describe());
    assertTrue(result.describe().contains("events in"), result.describe());
  }

  @Test
  @DisplayName("a warm-up that runs out of time says so and returns: the start goes on")
  void outOfTimeIsReportedNotThrown() {
    WarmUp.Result result = WarmUp.run(1_000_000, 0);
    assertTrue(result.problem() != null && result.problem().contains("out of time"), result.describe());
    assertTrue(result.describe().contains("stopped early"), result.describe());
  }

  @Test
  @DisplayName("a warm-up whose server fails to start says why and returns: the start goes on")
  void failureIsReportedNotThrown() {
    WarmUp.Result result = WarmUp.run(100, 60_000, config -> {
      throw new IllegalStateException("port in use");
    });
    assertEquals(0, result.connections());
    assertTrue(result.describe().contains("stopped early: java.lang.IllegalStateException: port in use"),
        result.describe());
  }

  @Test
  @DisplayName("CHANNELS_WARMUP: a count, 0 for none, the default when unset; anything else is a configuration error")
  void connectionsFromTheEnvironment() {
    assertEquals(WarmUp.DEFAULT_CONNECTIONS, WarmUp.connections(Map.of()));
    assertEquals(0, WarmUp.connections(Map.of(WarmUp.VARIABLE, "0")));
    assertEquals(500, WarmUp.connections(Map.of(WarmUp.VARIABLE, " 500 ")));
    assertThrows(Config.ConfigException.class, () -> WarmUp.connections(Map.of(WarmUp.VARIABLE, "-1")));
    assertThrows(Config.ConfigException.class, () -> WarmUp.connections(Map.of(WarmUp.VARIABLE, "many")));
  }
}
