package io.vertebra.channels.protocol;

/**
 * Pusher protocol error and close codes. Clients act on the range: 4000–4099 never reconnect, 4100–4199 reconnect
 * after a back-off, 4200–4299 reconnect at once, 4300–4399 are errors that leave the connection open.
 */
public final class ErrorCode {

  private ErrorCode() {}

  /** The application key in the URL is unknown. */
  public static final int APP_NOT_FOUND = 4001;
  /** The app is over its connection limit. */
  public static final int OVER_CONNECTION_QUOTA = 4004;
  /** The WebSocket path is not {@code /app/{key}}. */
  public static final int PATH_NOT_FOUND = 4005;
  /** The {@code protocol} parameter is not a number. */
  public static final int INVALID_VERSION_FORMAT = 4006;
  /** The protocol version is not supported (this server accepts 5–7). */
  public static final int UNSUPPORTED_PROTOCOL = 4007;
  /** No {@code protocol} parameter. */
  public static final int NO_PROTOCOL_VERSION = 4008;
  /** Not authorized: bad subscription or sign-in signature, or terminated by the server. */
  public static final int UNAUTHORIZED = 4009;
  /** Over capacity: the connection could not keep up with its messages; the client retries after a back-off. */
  public static final int OVER_CAPACITY = 4100;
  /** Generic "reconnect now", e.g. the server is shutting down. */
  public static final int RECONNECT = 4200;
  /** The client did not answer the server's ping in time. */
  public static final int PONG_NOT_RECEIVED = 4201;
  /** The connection was closed after a period of inactivity. */
  public static final int CLOSED_AFTER_INACTIVITY = 4202;
  /** A client event was rejected because of the per-connection rate limit. */
  public static final int CLIENT_EVENT_RATE_LIMIT = 4301;
  /**
   * The same 4301 for a new connection refused by the per-address rate: 4300-4399 tell clients to retry after a
   * second or more, which is what a client opening connections too fast should do.
   */
  public static final int CONNECTION_RATE_LIMIT = 4301;
}
