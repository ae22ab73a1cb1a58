package io.vertebra.console.shared;

/**
 * The debug console's contract, shared by its browser client and its server: URLs, the reserved live-feed channel,
 * and the field names of log entries and snapshots. GWT-safe (constants only).
 */
public final class ConsoleApi {

  /** The console's host page. */
  public static final String PAGE_PATH = "/console";
  /** {@code GET}: the pusher-js options for the live feed (never the secret). */
  public static final String CONFIG_PATH = "/console/api/config";
  /** {@code GET}: connections, channels with subscriber counts, presence members. */
  public static final String SNAPSHOT_PATH = "/console/api/snapshot";
  /** {@code POST {channel, name, data}}: triggers an event as the HTTP API does. */
  public static final String EVENTS_PATH = "/console/api/events";
  /** Channel authorization for the console's own private channel (pusher-js posts the form here). */
  public static final String AUTH_PATH = "/console/pusher/auth";

  /** The reserved private channel the console's log entries are published on; only the console may join it. */
  public static final String FEED_CHANNEL = "private-vertebra-console";
  /** The event on {@link #FEED_CHANNEL} carrying {@code {entries: [...], dropped: n}}. */
  public static final String LOG_EVENT = "console:log";

  // Log entry fields
  public static final String ENTRIES = "entries";
  public static final String DROPPED = "dropped";
  public static final String KIND = "kind";
  public static final String CHANNEL = "channel";
  public static final String TIME = "time";
  public static final String SOCKET_ID = "socketId";
  public static final String USER_ID = "userId";
  public static final String EVENT = "event";
  public static final String DATA = "data";
  public static final String MESSAGE = "message";
  public static final String STATUS = "status";

  // Snapshot fields
  public static final String EMBEDDED = "embedded";
  public static final String CONNECTIONS = "connections";
  public static final String CHANNELS = "channels";
  public static final String NAME = "name";
  public static final String TYPE = "type";
  public static final String SUBSCRIPTIONS = "subscriptions";
  public static final String MEMBERS = "members";
  public static final String ID = "id";
  public static final String INFO = "info";
  public static final String TRUNCATED = "truncated";

  // Log entry kinds
  public static final String CONNECTED = "connected";
  public static final String DISCONNECTED = "disconnected";
  public static final String REFUSED = "refused";
  public static final String SUBSCRIBED = "subscribed";
  public static final String UNSUBSCRIBED = "unsubscribed";
  public static final String REJECTED = "rejected";
  public static final String PROTOCOL_ERROR = "protocol_error";
  public static final String API_EVENT = "api_event";
  public static final String CLIENT_EVENT = "client_event";
  public static final String API_ERROR = "api_error";

  private ConsoleApi() {}
}
