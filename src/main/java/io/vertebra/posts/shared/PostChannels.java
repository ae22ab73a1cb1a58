package io.vertebra.posts.shared;

/**
 * Realtime channel and event names of the posts app (see the events table in DESIGN.md).
 *
 * <ul>
 *   <li>{@code post-{id}}: {@link #CHANGE} (the post JSON, or {@code {id, version}} when too large for one message:
 *       then fetch it) and {@link #DESTROY} ({@code {id}}).</li>
 *   <li>{@code posts}: {@link #CREATE}, {@link #CHANGE}, {@link #DESTROY} with the same data, for list views.</li>
 *   <li>{@code presence-post-{id}}: who is viewing a post; clients may send {@link #CLIENT_EDITING} there.</li>
 * </ul>
 */
public final class PostChannels {

  /** The channel carrying every post's events. */
  public static final String POSTS = "posts";
  public static final String CREATE = "post:create";
  public static final String CHANGE = "post:change";
  public static final String DESTROY = "post:destroy";
  /** Client event on a presence channel: someone is editing the post. */
  public static final String CLIENT_EDITING = "client-editing";

  private static final String POST_PREFIX = "post-";
  private static final String PRESENCE_PREFIX = "presence-post-";

  /** The channel of one post's changes; {@code id} in decimal ({@code "7"}). */
  public static String post(String id) {
    return POST_PREFIX + id;
  }

  /** The presence channel of one post (viewers and editors); {@code id} in decimal ({@code "7"}). */
  public static String presence(String id) {
    return PRESENCE_PREFIX + id;
  }

  /** The post id of a {@code presence-post-{id}} channel, or -1 when {@code channel} is not one. */
  public static long presencePostId(String channel) {
    if (channel == null || !channel.startsWith(PRESENCE_PREFIX)) {
      return -1;
    }
    String digits = channel.substring(PRESENCE_PREFIX.length());
    if (digits.isEmpty() || digits.length() > 18 || !digits.matches("[0-9]+") || digits.startsWith("0")) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  private PostChannels() {}
}
