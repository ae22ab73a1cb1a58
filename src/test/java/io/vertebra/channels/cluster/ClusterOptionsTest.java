package io.vertebra.channels.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {

  @Test
  void withoutARedisUrlTheServerIsASingleNode() {
    assertNull(ClusterOptions.from(Map.of()));
    assertNull(ClusterOptions.from(Map.of("CHANNELS_REDIS_URL", "  ")));
  }

  @Test
  void aRedisUrlEnablesClusteringWithAGeneratedUniqueNodeId() {
    ClusterOptions a = ClusterOptions.from(Map.of("CHANNELS_REDIS_URL", "redis://127.0.0.1:6379/0"));
    ClusterOptions b = ClusterOptions.from(Map.of("CHANNELS_REDIS_URL", "redis://127.0.0.1:6379/0"));
    assertEquals("127.0.0.1", a.redisUrl().getHost());
    assertTrue(a.nodeId().matches("node-[0-9a-f]{12}"), a.nodeId());
    assertNotEquals(a.nodeId(), b.nodeId());
  }

  @Test
  void aConfiguredNodeIdIsKept() {
    assertEquals("eu-1", ClusterOptions.from(Map.of("CHANNELS_REDIS_URL", "rediss://r.example:6380",
        "CHANNELS_NODE_ID", "eu-1")).nodeId());
  }

  @Test
  void unusableValuesNameTheirVariable() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterOptions.from(
        Map.of("CHANNELS_REDIS_URL", "http://127.0.0.1:6379"))).getMessage().contains("CHANNELS_REDIS_URL"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterOptions.from(
        Map.of("CHANNELS_REDIS_URL", "redis://"))).getMessage().contains("CHANNELS_REDIS_URL"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterOptions.from(Map.of(
        "CHANNELS_REDIS_URL", "redis://h:1", "CHANNELS_NODE_ID", "a|b"))).getMessage().contains("CHANNELS_NODE_ID"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterOptions.from(
        Map.of("CHANNELS_NODE_ID", "n1"))).getMessage().contains("CHANNELS_REDIS_URL"));
  }

  @Test
  void theDescriptionNeverShowsThePassword() {
    String text = ClusterOptions.from(Map.of("CHANNELS_REDIS_URL", "redis://user:s3cret@db:6379/2",
        "CHANNELS_NODE_ID", "n1")).describe();
    assertFalse(text.contains("s3cret"), text);
    assertEquals("redis://***@db:6379/2 as node n1", text);
  }
}
