/**
 * WebSocket connections: the Jetty endpoint, the per-connection bounded send queue, and the handlers for what
 * clients send (subscriptions, sign-in, client events), plus the activity monitor.
 */
package io.vertebra.channels.connection;
