package io.vertebra.channels.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * How one channels-server node shares its traffic and presence with the other nodes of a cluster. The server
 * calls it after it has served its own clients; the bus forwards to the other nodes and delivers what they send
 * to this node's subscribers. {@link #SINGLE_NODE}, the default, forwards nothing and answers from local state
 * only, so a server that is not clustered pays one no-op call and nothing else.
 */
public interface ClusterBus extends AutoCloseable {

  /** The bus of a server that is not clustered: every method is a no-op or a local answer. */
  ClusterBus SINGLE_NODE = new ClusterBus() {};

  /** What the cluster says about a user's first connection to a presence channel on this node. */
  enum Admission {
    /** The user is new to the channel cluster-wide: announce member_added. */
    NEW_MEMBER,
    /** The user is already a member through another node: no announcement. */
    KNOWN_MEMBER,
    /** The channel has reached its member limit: refuse the subscription. */
    FULL
  }

  /** Whether this node currently reaches the rest of the cluster (always true for a single node). */
  default boolean connected() {
    return true;
  }

  /** The channel queries of the HTTP API, answered for the whole cluster where the bus can. */
  default ChannelDirectory directory(ChannelRegistry local) {
    return local;
  }

  /**
   * An event was triggered through this node's HTTP API and delivered to this node's subscribers; other nodes
   * deliver it to theirs, except to {@code exceptSocketId} (may be null).
   */
  default void eventTriggered(List<String> channels, String event, String data, String exceptSocketId) {}

  /** A client event ({@code frame}, ready to send) was relayed on this node; other nodes relay it too. */
  default void clientEventRelayed(String channel, String frame, String senderSocketId) {}

  /** The last event of a cache channel that this node did not see, or null. */
  default String cachedEvent(String channel) {
    return null;
  }

  /** The subscription count of {@code channel} on this node changed. Must return at once. */
  default void subscriptionsChanged(String channel) {}

  /**
   * The subscribers of {@code channel} on the other live nodes, as they last reported (0 for a single node). Must
   * return at once: answered from memory.
   */
  default int subscribersElsewhere(String channel) {
    return 0;
  }

  /**
   * A user's first connection on this node joins presence {@code channel}; {@code localMembers} is the number of
   * distinct users on this node. Called under the channel's roster lock.
   */
  default Admission join(String channel, PresenceMember member, int maxMembers, int localMembers) {
    return localMembers >= maxMembers ? Admission.FULL : Admission.NEW_MEMBER;
  }

  /**
   * A user's last connection on this node ({@code socketId}) left presence {@code channel}; true when the user has
   * left the whole cluster (announce member_removed). Called under the channel's roster lock.
   */
  default boolean leave(String channel, String userId, String socketId, boolean channelEmptyHere) {
    return true;
  }

  /**
   * What the cluster holds in presence {@code channel} now, on every node, or null when the bus cannot say (a single
   * node, or the cluster unreachable). Called under the channel's roster lock.
   */
  default PresenceMembers presenceMembers(String channel) {
    return null;
  }

  /**
   * The members of a presence channel on every node (userId → user_info). {@code complete} is false while the
   * cluster is registering its members again (after Redis lost them): a user missing from the list may be back in
   * a moment, so its absence proves nothing.
   */
  record PresenceMembers(Map<String, JsonNode> members, boolean complete) {}

  /** {@code terminate_connections} was called on this node for {@code userId}; other nodes close theirs. */
  default void userTerminated(String userId) {}

  /** Stops forwarding and forgets this node's share of the cluster state. */
  @Override
  default void close() {}
}
