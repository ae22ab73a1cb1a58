package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertebra.posts.server.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection storms: after a deploy thousands of browsers reconnect at once. With Jetty's default accept queue the
 * kernel held 50 handshaken connections for the acceptor; a burst of 100 dropped SYNs, each then waiting out the
 * kernel's 1 s retry (connecting 1,000 clients took 4-6 s against ~0.4 s for a peer server). The rate itself is in
 * the fan-out benchmark; here the kernel's own figure for the listening socket, which does not depend on timing.
 */
class ConnectionStormIT {

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("the listening socket's accept queue holds a burst of thousands of connects, not Jetty's default 50")
  void acceptQueueHoldsABurst() throws Exception {
    assumeTrue(ListenQueue.available(), "needs ss (iproute2) to read the listen backlog");
    int expected = Math.min(AppServer.ACCEPT_QUEUE, ListenQueue.kernelCap());
    try (AppServer app = TestServers.start(dataDir, Map.of(), AppServer.Mode.CHANNELS)) {
      assertEquals(expected, ListenQueue.limit(app.port()));
    }
    try (AppServer app = TestServers.serve(dataDir, Map.of())) {
      assertEquals(expected, ListenQueue.limit(app.port()));
    }
  }
}
