package io.vertebra.channels.cluster;

import static io.vertebra.channels.cluster.ClusterTestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.JavaClient;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.kit.ops.Exposition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A clustered node's /healthz and /metrics: Redis connected, then lost (the node stays healthy, errors counted). */
class ClusterOperationsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  @DisplayName("losing Redis keeps /healthz at 200 with the cluster marked disconnected; /metrics counts the errors")
  void redisOutageIsVisibleButNotFatal() throws Exception {
    try (TestCluster cluster = TestCluster.start("ops-1")) {
      ChannelsTestServer node = cluster.node(1);
      HttpResponse<String> health = get(node, "/healthz");
      assertEquals(200, health.statusCode(), health.body());
      assertEquals("connected", Frames.JSON.readTree(health.body()).at("/checks/channels/cluster").asText());
      Exposition before = Exposition.parse(get(node, "/metrics").body());
      assertEquals(1, before.value("vertebra_channels_cluster_connected"));
      assertEquals(0, before.value("vertebra_channels_cluster_errors_total"));

      cluster.redis().stop();
      await("the node notices the outage", 10, () -> !node.app().cluster().connected());
      node.rest().trigger("ticker", "tick", Map.of("n", 1));
      await("the failed fan-out is counted", 10, () -> node.stats().clusterErrors() > 0); // publishing is queued
      health = get(node, "/healthz");
      assertEquals(200, health.statusCode(), "still serving its own clients: " + health.body());
      JsonNode body = Frames.JSON.readTree(health.body());
      assertTrue(body.at("/checks/channels/cluster").asText().startsWith("disconnected"), health.body());
      Exposition during = Exposition.parse(get(node, "/metrics").body());
      assertEquals(0, during.value("vertebra_channels_cluster_connected"));
      assertTrue(during.value("vertebra_channels_cluster_errors_total") > 0, "the failed fan-out is counted");
    }
  }

  @Test
  @DisplayName("deliveries_total counts what a node delivers of events triggered on another node")
  void deliveriesOfEventsFromOtherNodesAreCounted() throws Exception {
    try (TestCluster cluster = TestCluster.start("count-1", "count-2");
        JavaClient onA = new JavaClient(cluster.node(1), "a")) {
      onA.subscribe("counted", "tick");
      TestCluster.json(cluster.node(2).rest().trigger("counted", "tick", Map.of("n", 1)));
      assertNotNull(onA.next(5000), "delivered across nodes");
      assertEquals(1, Exposition.parse(get(cluster.node(1), "/metrics").body())
          .value("vertebra_channels_deliveries_total"), "the delivering node counts it");
      assertEquals(0, Exposition.parse(get(cluster.node(2), "/metrics").body())
          .value("vertebra_channels_deliveries_total"), "the triggering node had no subscriber");
    }
  }

  private static HttpResponse<String> get(ChannelsTestServer node, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
