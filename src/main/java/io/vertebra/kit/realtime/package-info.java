/**
 * Announcing committed changes to browsers through pusher-http-java, exactly as an app on hosted Pusher does:
 * {@link io.vertebra.kit.realtime.EventTrigger} (after the commit, never blocking, failures counted), the client for
 * the configured service ({@link io.vertebra.kit.realtime.PusherClients}) and the {@code X-Socket-Id} rule
 * ({@link io.vertebra.kit.realtime.SocketIds}) that keeps an event from the socket that caused it.
 */
package io.vertebra.kit.realtime;
