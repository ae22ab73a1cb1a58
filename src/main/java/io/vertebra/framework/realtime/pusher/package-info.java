/**
 * The pusher-js boundary: {@link io.vertebra.framework.realtime.pusher.PusherJsBackend} implements the realtime
 * backend on the real pusher-js, and the JSNI lives in this package's small boundary classes
 * ({@code PusherJs}, {@code PusherChannelJs}, {@code JsEvents}); nothing else of the framework touches pusher-js.
 */
package io.vertebra.framework.realtime.pusher;
