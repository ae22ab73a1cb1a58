/** The Pusher wire protocol: frames the server sends and parses, and the error/close codes. */
package io.vertebra.channels.protocol;
