/**
 * Live data over Pusher channels, as framework events: {@link io.vertebra.framework.realtime.Notifier} re-triggers
 * what the server publishes, {@link io.vertebra.framework.realtime.LiveModels} keeps models and collections current
 * from it (ignoring stale versions, re-fetching after a reconnection), and
 * {@link io.vertebra.framework.realtime.LivePresence} follows who is on a presence channel. The connection itself
 * sits behind {@link io.vertebra.framework.realtime.RealtimeBackend}: pusher-js in the browser ({@code pusher}),
 * an in-memory hub in JVM tests ({@code memory}).
 */
package io.vertebra.framework.realtime;
