package io.vertebra.posts.shared;

/**
 * URLs, query parameters and headers of the posts REST API, shared by the GWT client and the server.
 *
 * <p>{@code GET /api/posts} answers a JSON array of posts, newest first. It is paginated by cursor: pass
 * {@link #LIMIT} (1..{@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT}) and the opaque {@link #CURSOR} from the
 * previous page's {@link #NEXT_CURSOR_HEADER} header (also given as a {@code Link: <...>; rel="next"} header);
 * the last page has no such header.
 *
 * <p>Writes are optimistic: {@code PUT}/{@code PATCH}/{@code DELETE} take the version the client last saw, as the
 * body's {@code version} or as {@code If-Match: "7"}; a stale one gets {@code 409} with the current post. Reads
 * answer {@code ETag: "7"}. A request without any version writes unconditionally (still atomically).
 */
public final class PostApi {

  /** The collection: list (GET) and create (POST). */
  public static final String POSTS_PATH = "/api/posts";
  /** Sign in (POST {@code {"name": "..."}}), who am I (GET), sign out (DELETE, revoked server-side). */
  public static final String SESSION_PATH = "/api/session";
  /** Under {@link #SESSION_PATH}: DELETE signs out every copy of the user's session ({@code {"revoked": n}}). */
  public static final String SIGN_OUT_EVERYWHERE = "/everywhere";
  /** The realtime client settings for pusher-js (never the secret). */
  public static final String CONFIG_PATH = "/api/config";
  /** pusher-js channel authorization endpoint (its default path). */
  public static final String CHANNEL_AUTH_PATH = "/pusher/auth";
  /** pusher-js user authentication endpoint for {@code signin()} (its default path). */
  public static final String USER_AUTH_PATH = "/pusher/user-auth";

  public static final String LIMIT = "limit";
  public static final String CURSOR = "cursor";
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /** Response header with the cursor of the next page, absent on the last page. */
  public static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";
  /** Request header with the sender's pusher socket id: the resulting event is not echoed to that socket. */
  public static final String SOCKET_ID_HEADER = "X-Socket-Id";

  /** The URL of one post. */
  public static String postPath(long id) {
    return POSTS_PATH + "/" + id;
  }

  /** The {@code ETag}/{@code If-Match} value for a version: the number in double quotes. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  private PostApi() {}
}
