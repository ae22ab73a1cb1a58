package io.vertebra.channels.cluster;

import static io.vertebra.channels.cluster.ClusterTestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.RawSocket;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One node loses Redis while the others keep it (a network partition, played by a TCP relay the test cuts): the
 * events it could not publish meanwhile never reach the other nodes, so their subscribers of those channels, and
 * only those, are told to reconnect (4200) once the cut-off node is back, and re-fetch.
 */
class RedisPartitionIT {

  private static final String PATH = "/app/" + ClusterTestNodes.KEY + "?protocol=7";

  @Test
  void eventsANodeCouldNotPublishMakeTheOtherNodesSubscribersOfThoseChannelsResync() throws Exception {
    try (RedisServer redis = RedisServer.startNew(); TcpRelay relay = TcpRelay.to(redis, true);
        ChannelsTestServer connected = ClusterTestNodes.start(redis, "kept");
        ChannelsTestServer cutOff = new ChannelsTestServer(ClusterTestNodes.env(relay.url(), "cut-off"));
        RawSocket ticker = subscribed(connected, "ticker"); RawSocket quiet = subscribed(connected, "quiet")) {
      await("the cut-off node registered", 10, () -> ClusterTestNodes.registered(redis, "cut-off"));
      relay.cut();
      await("the cut-off node notices", 10, () -> !cutOff.app().cluster().connected());
      TestCluster.json(cutOff.rest().trigger("ticker", "tick", Map.of("n", "lost")));
      assertNull(ticker.next("tick", 500), "nothing crosses while the node is cut off");
      long back = System.nanoTime();
      relay.restore();
      assertEquals(ErrorCode.RECONNECT, ticker.awaitClose(10_000),
          "a subscriber of a channel that missed an event is told to reconnect and re-fetch");
      System.out.printf("subscriber of the affected channel told to reconnect %d ms after the partition healed%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
      quiet.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      assertNotNull(quiet.next("pusher:pong", 5000), "a subscriber of a channel that missed nothing stays");
    }
  }

  private static RawSocket subscribed(ChannelsTestServer node, String channel) throws InterruptedException {
    RawSocket socket = RawSocket.open(node, PATH);
    socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    assertNotNull(socket.next("pusher_internal:subscription_succeeded", 5000), "subscribed to " + channel);
    return socket;
  }
}
