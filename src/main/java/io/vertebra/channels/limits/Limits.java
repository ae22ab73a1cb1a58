package io.vertebra.channels.limits;

import java.util.Map;

/**
 * Every limit the channels server enforces, with hosted Pusher's documented defaults. Each can be overridden by an
 * environment variable ({@code CHANNELS_MAX_MESSAGE_BYTES}, ...; see docs/channels-server.md).
 *
 * @param maxMessageBytes largest event payload (HTTP {@code data} or a client event frame), bytes
 * @param maxChannelNameLength longest channel name, characters
 * @param maxEventNameLength longest event name, characters
 * @param maxChannelsPerTrigger most channels one HTTP trigger may name
 * @param maxBatchSize most events in one batch_events request
 * @param maxConnections most simultaneous WebSocket connections
 * @param maxPresenceMembers most distinct users in one presence channel
 * @param maxUserInfoBytes largest presence user_info, bytes
 * @param clientEventsPerSecond client events one connection may send per second
 * @param activityTimeoutSeconds silence after which the server pings a client (also told to clients)
 * @param pongTimeoutSeconds how long the server waits for the pong before closing with 4201
 * @param sendQueueFrames most frames queued for one connection before it counts as too slow
 * @param sendQueueBytes most bytes queued for one connection before it counts as too slow
 * @param maxRequestBytes largest HTTP API request body, bytes
 * @param maxSubscriptionsPerConnection most channels one connection may subscribe to (guards memory)
 * @param maxUserIdLength longest presence or sign-in user id, characters
 * @param authorizationTimeoutSeconds when above 0, Pusher's "authorized connections": a connection that has neither
 *     signed in nor subscribed to a private, encrypted or presence channel within this many seconds is closed with
 *     4009; 0 (the default, as on hosted Pusher) lets anonymous connections stay
 * @param maxConnectionsPerAddress most connections one client address may hold open (more get 4004); 0 = no limit
 * @param newConnectionsPerAddressPerSecond how many new connections one client address may open per second (more
 *     get 4301, and clients retry after a back-off); 0 = no limit
 * @param memoryLimitPercent share of the maximum heap, in percent, that the heap after a collection may fill before
 *     new connections are refused with 4100 ({@link MemoryAdmission}); 0 = never refuse
 * @param subscriptionCount whether subscribers of non-presence channels are told how many connections are
 *     subscribed ({@code pusher_internal:subscription_count}, and the {@code subscription_count} webhook); off by
 *     default, as on hosted Pusher, where it is an app setting
 * @param watchlistEvents whether a user signing in with a {@code watchlist} is told when the users on it come
 *     online and go offline; off by default, an app setting on hosted Pusher too
 */
public record Limits(
    int maxMessageBytes,
    int maxChannelNameLength,
    int maxEventNameLength,
    int maxChannelsPerTrigger,
    int maxBatchSize,
    int maxConnections,
    int maxPresenceMembers,
    int maxUserInfoBytes,
    int clientEventsPerSecond,
    int activityTimeoutSeconds,
    int pongTimeoutSeconds,
    int sendQueueFrames,
    long sendQueueBytes,
    int maxRequestBytes,
    int maxSubscriptionsPerConnection,
    int maxUserIdLength,
    int authorizationTimeoutSeconds,
    int maxConnectionsPerAddress,
    int newConnectionsPerAddressPerSecond,
    int memoryLimitPercent,
    boolean subscriptionCount,
    boolean watchlistEvents) {

  /** Hosted Pusher's documented limits, with generous local defaults for what it does not document. */
  public static Limits defaults() {
    return new Limits(10 * 1024, 164, 200, 100, 10, 10_000, 100, 1024, 10, 120, 30, 1_000, 4L * 1024 * 1024,
        256 * 1024, 1_000, 128, 0, 0, 0, 90, false, false);
  }

  /**
   * The defaults overridden by {@code CHANNELS_*} variables in {@code env}.
   *
   * @throws IllegalArgumentException naming a variable that is not a positive whole number
   */
  public static Limits from(Map<String, String> env) {
    Limits d = defaults();
    return new Limits(
        positive(env, "CHANNELS_MAX_MESSAGE_BYTES", d.maxMessageBytes),
        d.maxChannelNameLength,
        d.maxEventNameLength,
        positive(env, "CHANNELS_MAX_CHANNELS_PER_TRIGGER", d.maxChannelsPerTrigger),
        positive(env, "CHANNELS_MAX_BATCH_SIZE", d.maxBatchSize),
        positive(env, "CHANNELS_MAX_CONNECTIONS", d.maxConnections),
        positive(env, "CHANNELS_MAX_PRESENCE_MEMBERS", d.maxPresenceMembers),
        positive(env, "CHANNELS_MAX_USER_INFO_BYTES", d.maxUserInfoBytes),
        positive(env, "CHANNELS_CLIENT_EVENTS_PER_SECOND", d.clientEventsPerSecond),
        positive(env, "CHANNELS_ACTIVITY_TIMEOUT", d.activityTimeoutSeconds),
        positive(env, "CHANNELS_PONG_TIMEOUT", d.pongTimeoutSeconds),
        positive(env, "CHANNELS_SEND_QUEUE_FRAMES", d.sendQueueFrames),
        positive(env, "CHANNELS_SEND_QUEUE_BYTES", (int) Math.min(Integer.MAX_VALUE, d.sendQueueBytes)),
        positive(env, "CHANNELS_MAX_REQUEST_BYTES", d.maxRequestBytes),
        positive(env, "CHANNELS_MAX_SUBSCRIPTIONS_PER_CONNECTION", d.maxSubscriptionsPerConnection),
        d.maxUserIdLength,
        nonNegative(env, "CHANNELS_AUTHORIZATION_TIMEOUT", d.authorizationTimeoutSeconds),
        nonNegative(env, "CHANNELS_MAX_CONNECTIONS_PER_IP", d.maxConnectionsPerAddress),
        nonNegative(env, "CHANNELS_NEW_CONNECTIONS_PER_IP_PER_SECOND", d.newConnectionsPerAddressPerSecond),
        percent(env, "CHANNELS_MEMORY_LIMIT_PERCENT", d.memoryLimitPercent),
        flag(env, "CHANNELS_SUBSCRIPTION_COUNT", d.subscriptionCount),
        flag(env, "CHANNELS_WATCHLIST_EVENTS", d.watchlistEvents));
  }

  private static boolean flag(Map<String, String> env, String name, boolean fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on", "1" -> true;
      case "false", "off", "0" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    };
  }

  private static int percent(Map<String, String> env, String name, int fallback) {
    int value = nonNegative(env, name, fallback);
    if (value > 99) {
      throw new IllegalArgumentException(name + " must be 0 (off) or a percentage from 1 to 99, got '"
          + env.get(name) + "'");
    }
    return value;
  }

  private static int nonNegative(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value != null && value.trim().equals("0")) {
      return 0;
    }
    try {
      return positive(env, name, fallback);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be 0 (off) or a positive whole number, got '" + value + "'");
    }
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
  }
}
