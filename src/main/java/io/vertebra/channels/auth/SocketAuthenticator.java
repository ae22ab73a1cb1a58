package io.vertebra.channels.auth;

/**
 * Verifies the auth strings a client presents on the socket: {@code KEY:HMAC(secret, socket_id:channel)} for
 * private channels, {@code ...:channel:channel_data} for presence channels and {@code socket_id::user::user_data}
 * for user sign-in, exactly as Pusher defines them.
 */
public final class SocketAuthenticator {

  private final AppCredentials credentials;

  /** An authenticator for the app's credentials. */
  public SocketAuthenticator(AppCredentials credentials) {
    this.credentials = credentials;
  }

  /** The auth string a server would issue for a channel subscription ({@code channelData} null when private). */
  public String channelAuth(String socketId, String channel, String channelData) {
    String toSign = socketId + ":" + channel + (channelData == null ? "" : ":" + channelData);
    return credentials.key() + ":" + Hmac.sha256Hex(credentials.secret(), toSign);
  }

  /** The auth string a server would issue for a user sign-in. */
  public String userAuth(String socketId, String userData) {
    return credentials.key() + ":" + Hmac.sha256Hex(credentials.secret(), socketId + "::user::" + userData);
  }

  /** Whether {@code auth} authorizes {@code socketId} for {@code channel} (with {@code channelData} if presence). */
  public boolean verifyChannel(String socketId, String channel, String channelData, String auth) {
    return Hmac.constantTimeEquals(channelAuth(socketId, channel, channelData), auth);
  }

  /** Whether {@code auth} signs {@code userData} in for {@code socketId}. */
  public boolean verifyUser(String socketId, String userData, String auth) {
    return Hmac.constantTimeEquals(userAuth(socketId, userData), auth);
  }
}
