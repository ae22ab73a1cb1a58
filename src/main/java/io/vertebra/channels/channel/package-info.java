/** Channels: kinds and naming rules, subscriptions, the presence roster and the cache of cache channels. */
package io.vertebra.channels.channel;
