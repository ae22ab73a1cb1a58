/**
 * Scale-out of the channels server: several nodes share one Redis (pub/sub plus a little state), so a client on
 * one node receives events triggered on another, client events cross nodes, and presence channels show members of
 * every node. When Redis fails, clients are made to re-fetch what they may have missed
 * ({@code ClientResync}). Entry point:
 * {@link io.vertebra.channels.cluster.RedisClusterBus}, the Redis implementation of
 * {@link io.vertebra.channels.channel.ClusterBus}, created only when {@code CHANNELS_REDIS_URL} is set; nothing in
 * this package is loaded otherwise. See docs/channels-server.md, "Clustering with Redis".
 */
package io.vertebra.channels.cluster;
