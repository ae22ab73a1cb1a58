package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.Pusher;
import io.vertebra.channels.JavaClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CHANNELS_REDIS_URL clusters the channels server embedded in {@code serve} too, not only {@code channels}. */
class EmbeddedClusterIT {

  private static AppServer serve(RedisServer redis, String nodeId) throws Exception {
    AppServer server = TestServers.serve(Files.createTempDirectory("vertebra-serve-"),
        ClusterTestNodes.env(redis, nodeId));
    ClusterTestNodes.await(nodeId + " registered", 10, () -> ClusterTestNodes.registered(redis, nodeId));
    return server;
  }

  @Test
  void twoServeNodesShareTheirEmbeddedChannelsServers() throws Exception {
    try (RedisServer redis = RedisServer.startNew(); AppServer one = serve(redis, "serve-1");
        AppServer two = serve(redis, "serve-2")) {
      Pusher rest = new Pusher(ClusterTestNodes.APP_ID, ClusterTestNodes.KEY, ClusterTestNodes.SECRET);
      rest.setHost("127.0.0.1:" + one.port());
      rest.setRequestTimeout(30_000); // not 4 s: a loaded machine answers later (see TestApp)
      try (JavaClient onTwo = new JavaClient(two.port(), ClusterTestNodes.KEY, rest, "u")) {
        onTwo.subscribe("posts", "post:create");
        TestCluster.json(rest.trigger("posts", "post:create", Map.of("id", 1)));
        PusherEvent event = onTwo.next(5000);
        assertNotNull(event, "an event triggered on serve node 1 reached a client of serve node 2");
        assertEquals("{\"id\":1}", event.getData());
      } finally {
        rest.close();
      }
    }
  }
}
