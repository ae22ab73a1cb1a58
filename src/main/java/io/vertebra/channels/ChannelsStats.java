package io.vertebra.channels;

/**
 * A snapshot of the channels server for monitoring.
 *
 * @param connections open WebSocket connections
 * @param channels occupied channels
 * @param clientMessages frames received from clients since start
 * @param clientErrors pusher:error frames sent since start
 * @param eventsPublished events published through the HTTP API since start (one per channel)
 * @param apiRequests HTTP API requests since start
 * @param apiErrors HTTP API requests answered with an error status since start
 * @param clusterErrors failed cluster (Redis) operations since start; always 0 when not clustered
 */
public record ChannelsStats(int connections, int channels, long clientMessages, long clientErrors,
    long eventsPublished, long apiRequests, long apiErrors, long clusterErrors) {}
