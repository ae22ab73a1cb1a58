package io.vertebra.channels.cluster;

/**
 * A node was started with a {@code CHANNELS_NODE_ID} that a running node of the same cluster uses (a copied
 * configuration, most likely). The message is one line for the operator; the process should exit.
 */
public final class NodeIdInUseException extends IllegalStateException {

  NodeIdInUseException(ClusterOptions options) {
    super("CHANNELS_NODE_ID '" + options.nodeId() + "' is in use by a running node of the cluster on "
        + options.describeRedis() + ": give every node its own id (or leave CHANNELS_NODE_ID unset)");
  }
}
