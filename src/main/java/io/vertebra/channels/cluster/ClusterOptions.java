package io.vertebra.channels.cluster;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the cluster's Redis is and who this node is, from {@code CHANNELS_REDIS_URL} and {@code CHANNELS_NODE_ID}.
 * Parsing it loads no Redis client classes.
 *
 * @param redisUrl {@code redis://[user:password@]host:port[/db]} or {@code rediss://...} (TLS)
 * @param nodeId this node's id, unique in the cluster (generated when not configured)
 */
public record ClusterOptions(URI redisUrl, String nodeId) {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The cluster options in {@code env}, or null when {@code CHANNELS_REDIS_URL} is unset (a single node).
   *
   * @throws IllegalArgumentException naming the variable whose value is unusable
   */
  public static ClusterOptions from(Map<String, String> env) {
    String url = trimmed(env.get("CHANNELS_REDIS_URL"));
    String nodeId = trimmed(env.get("CHANNELS_NODE_ID"));
    if (url == null) {
      if (nodeId != null) {
        throw new IllegalArgumentException("CHANNELS_NODE_ID needs CHANNELS_REDIS_URL (clustering is off)");
      }
      return null;
    }
    URI uri = redisUri(url);
    if (nodeId == null) {
      byte[] raw = new byte[6];
      RANDOM.nextBytes(raw);
      nodeId = "node-" + HexFormat.of().formatHex(raw);
    } else if (!NODE_ID.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("CHANNELS_NODE_ID must be 1-64 letters, digits or _.-, got '" + nodeId
          + "'");
    }
    return new ClusterOptions(uri, nodeId);
  }

  private static URI redisUri(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("CHANNELS_REDIS_URL must look like redis://host:port/0 (or rediss://), got '"
          + url + "'");
    }
    return uri;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The URL without its password and the node id, for logs and startup output. */
  public String describe() {
    return describeRedis() + " as node " + nodeId;
  }

  /** The URL without its password. */
  String describeRedis() {
    String auth = redisUrl.getUserInfo() == null ? "" : "***@";
    int port = redisUrl.getPort() == -1 ? 6379 : redisUrl.getPort();
    return redisUrl.getScheme() + "://" + auth + redisUrl.getHost() + ":" + port
        + (redisUrl.getPath() == null ? "" : redisUrl.getPath());
  }
}
