package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.Pusher;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two clustered nodes hosting two apps each: a trigger of one app on node 1 reaches that app's subscribers on node 2
 * and never the other app's, because every cluster message travels under its app's own Redis channel and keys.
 */
class MultiAppClusterIT {

  private static final String SHOP_ID = "shop";
  private static final String SHOP_KEY = "shop-key";
  private static final String SHOP_SECRET = "shop-secret-0123456789";

  private static ChannelsTestServer node(RedisServer redis, String nodeId) throws Exception {
    Map<String, String> env = new HashMap<>(ClusterTestNodes.env(redis, nodeId));
    env.put("CHANNELS_APPS", SHOP_ID + ":" + SHOP_KEY + ":" + SHOP_SECRET);
    ChannelsTestServer node = new ChannelsTestServer(env);
    ClusterTestNodes.await(nodeId + " registered for both apps", 10, () -> ClusterTestNodes.registered(redis, nodeId)
        && shopRegistered(redis, nodeId));
    return node;
  }

  private static boolean shopRegistered(RedisServer redis, String nodeId) {
    try {
      return redis.command("SMEMBERS vertebra:channels:" + SHOP_ID + ":nodes").lines()
          .anyMatch(line -> line.equals(nodeId) || line.startsWith(nodeId + "#"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void eachAppsEventsCrossNodesToThatAppOnly() throws Exception {
    try (RedisServer redis = RedisServer.startNew(); ChannelsTestServer one = node(redis, "a-1");
        ChannelsTestServer two = node(redis, "a-2")) {
      Pusher shopOnOne = new Pusher(SHOP_ID, SHOP_KEY, SHOP_SECRET);
      shopOnOne.setHost("127.0.0.1:" + one.port());
      shopOnOne.setRequestTimeout(30_000);
      try (JavaClient shopOnTwo = new JavaClient(two.port(), SHOP_KEY, shopOnOne, "s");
          JavaClient defaultOnTwo = new JavaClient(two, "d")) {
        shopOnTwo.subscribe("news", "story");
        defaultOnTwo.subscribe("news", "story");
        assertEquals(200, shopOnOne.trigger("news", "story", Map.of("app", "shop")).getHttpStatus());
        PusherEvent event = shopOnTwo.next(5_000);
        assertNotNull(event, "the shop's event crossed to node 2");
        assertEquals("{\"app\":\"shop\"}", event.getData());
        assertNull(defaultOnTwo.next(500), "and did not reach the default app's subscriber there");

        assertEquals(200, one.rest().trigger("news", "story", Map.of("app", "default")).getHttpStatus());
        assertNotNull(defaultOnTwo.next(5_000), "the default app's event crossed too");
        assertNull(shopOnTwo.next(500), "not to the shop");
        String users = shopOnOne.get("/channels").getMessage();
        assertTrue(users.contains("news"), "the shop's cluster-wide channel list: " + users);
      } finally {
        shopOnOne.close();
      }
    }
  }
}
