package io.vertebra.channels.connection;

/** Why a WebSocket upgrade is refused at the protocol level: sent as pusher:error, then the close code. */
record Rejection(int code, String message) {}
