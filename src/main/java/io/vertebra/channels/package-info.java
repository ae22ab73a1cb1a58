/**
 * An embedded server that speaks the Pusher Channels protocol (version 7, accepting 5–7) and its HTTP API, so the
 * real pusher-js, pusher-java-client and pusher-http-java libraries work against it unchanged. Entry point:
 * {@link io.vertebra.channels.ChannelsServer}. It knows nothing about the applications that use it.
 *
 * <p>Sub-packages: {@code protocol} (frames and codes), {@code auth} (signatures), {@code channel} (channel kinds,
 * subscriptions, presence), {@code connection} (WebSocket connections and their send queues), {@code http} (the
 * HTTP API) and {@code limits}.
 */
package io.vertebra.channels;
