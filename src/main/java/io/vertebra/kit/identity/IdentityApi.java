package io.vertebra.kit.identity;

/**
 * The identity endpoints' contract: URLs and the JSON fields of a user. A GWT client cannot see this class (it is
 * server code); an app's shared contract repeats the values it needs (posts: {@code PostApi}, {@code SessionFields}).
 */
public final class IdentityApi {

  /** {@code POST {"name": ...}} signs in, {@code GET} says who is signed in, {@code DELETE} signs out. */
  public static final String SESSION_PATH = "/api/session";
  /** Under {@link #SESSION_PATH}: DELETE signs out every copy of the user's session ({@code {"revoked": n}}). */
  public static final String SIGN_OUT_EVERYWHERE = "/everywhere";
  /** pusher-js's channel authorization endpoint ({@code channelAuthorization.endpoint}). */
  public static final String CHANNEL_AUTH_PATH = "/pusher/auth";
  /** pusher-js's user authentication endpoint ({@code userAuthentication.endpoint}). */
  public static final String USER_AUTH_PATH = "/pusher/user-auth";

  /** A user's random id. */
  public static final String ID = "id";
  /** A user's display name, chosen at sign-in. */
  public static final String NAME = "name";
  /** A user's colour in presence lists. */
  public static final String COLOR = "color";
  /** The longest display name, in characters. */
  public static final int NAME_MAX_LENGTH = 40;

  private IdentityApi() {}
}
