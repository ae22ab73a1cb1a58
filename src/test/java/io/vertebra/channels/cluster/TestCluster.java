package io.vertebra.channels.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Result;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away redis-server and in-process channels nodes clustered through it; closes them all. As a JUnit 5
 * extension it serves the tests of a class:
 * {@code @RegisterExtension static final TestCluster CLUSTER = TestCluster.of("node-1", "node-2");}
 * {@link #start} starts one by hand (close it after).
 */
final class TestCluster implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  private final List<String> nodeIds;
  private final List<ChannelsTestServer> nodes = new ArrayList<>();
  private RedisServer redis;

  private TestCluster(String... nodeIds) {
    this.nodeIds = List.of(nodeIds);
  }

  /** A cluster of one node per id, started before all tests of the class that registers it. */
  static TestCluster of(String... nodeIds) {
    return new TestCluster(nodeIds);
  }

  /** Starts Redis and one node per id, each registered before the next starts. */
  static TestCluster start(String... nodeIds) throws Exception {
    TestCluster cluster = new TestCluster(nodeIds);
    cluster.startAll();
    return cluster;
  }

  private void startAll() throws Exception {
    redis = RedisServer.startNew();
    try {
      for (String id : nodeIds) {
        nodes.add(ClusterTestNodes.start(redis, id));
      }
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
  }

  /** The Redis server the nodes share (stop and start it to simulate an outage). */
  RedisServer redis() {
    return redis;
  }

  /** Node number {@code number}, counted from 1 in start order (as the tests name them: node 1, node 2). */
  ChannelsTestServer node(int number) {
    if (number < 1 || number > nodes.size()) {
      throw new IllegalArgumentException("no node " + number + ": nodes are numbered 1 to " + nodes.size());
    }
    return nodes.get(number - 1);
  }

  /** {@code GET /channels/{channel}?info=...} on {@code node}, parsed; fails on an error status. */
  static JsonNode channelInfo(ChannelsTestServer node, String channel, String info) {
    return json(node.rest().get("/channels/" + channel, Map.of("info", info)));
  }

  /** The ids {@code GET /channels/{channel}/users} on {@code node} lists (the members of every node). */
  static Set<String> users(ChannelsTestServer node, String channel) {
    Set<String> ids = new HashSet<>();
    json(node.rest().get("/channels/" + channel + "/users")).get("users").forEach(u -> ids.add(u.get("id").asText()));
    return ids;
  }

  /** The body of a successful pusher-http-java call, parsed. */
  static JsonNode json(Result result) {
    if (result.getStatus() != Result.Status.SUCCESS) {
      throw new AssertionError(result.getStatus() + ": " + result.getMessage());
    }
    try {
      return Frames.JSON.readTree(result.getMessage());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + result.getMessage(), e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    startAll();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  @Override
  public void close() throws Exception {
    for (ChannelsTestServer node : nodes) {
      node.close();
    }
    nodes.clear();
    if (redis != null) {
      redis.close();
    }
  }
}
