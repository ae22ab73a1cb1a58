/** Signed-in users across connections: who is online, and the watchlist events that tell others. */
package io.vertebra.channels.user;
