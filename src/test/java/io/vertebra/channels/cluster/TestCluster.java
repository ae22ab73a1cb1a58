package io.vertebra.channels.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Result;
import io.vertebra.channels.ChannelsTestServer;
import io.vertebra.channels.protocol.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A throw-away redis-server and in-process channels nodes clustered through it; closes them all. */
final class TestCluster implements AutoCloseable {

  final RedisServer redis;
  private final List<ChannelsTestServer> nodes = new ArrayList<>();

  private TestCluster(RedisServer redis) {
    this.redis = redis;
  }

  /** Starts Redis and one node per id, each registered before the next starts. */
  static TestCluster start(String... nodeIds) throws Exception {
    TestCluster cluster = new TestCluster(RedisServer.startNew());
    try {
      for (String id : nodeIds) {
        cluster.nodes.add(ClusterTestNodes.start(cluster.redis, id));
      }
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The {@code index}-th node (0-based, in start order). */
  ChannelsTestServer node(int index) {
    return nodes.get(index);
  }

  /** {@code GET /channels/{channel}?info=...} on {@code node}, parsed; fails on an error status. */
  static JsonNode channelInfo(ChannelsTestServer node, String channel, String info) {
    return json(node.rest().get("/channels/" + channel, Map.of("info", info)));
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
  public void close() throws Exception {
    for (ChannelsTestServer node : nodes) {
      node.close();
    }
    redis.close();
  }
}
