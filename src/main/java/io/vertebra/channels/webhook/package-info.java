/** Webhooks: channel and presence changes and client events, signed and POSTed to the app with retries. */
package io.vertebra.channels.webhook;
