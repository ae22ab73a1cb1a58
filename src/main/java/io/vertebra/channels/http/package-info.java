/** The Pusher HTTP API: request authentication, triggering events and querying channels. */
package io.vertebra.channels.http;
