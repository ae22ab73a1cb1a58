package io.vertebra.posts.shared;

/**
 * The JSON contract of a post, shared by the GWT client and the server: field names and the limits the server
 * enforces. A post is {@code {id, title, body, author, version, createdAt, updatedAt, authorId, updatedBy}};
 * {@code id} and {@code version} are numbers, {@code createdAt}/{@code updatedAt} are ISO-8601 UTC strings
 * ({@code 2026-11-28T05:22:15.123Z}), the others strings. {@code author}, {@code authorId}, {@code updatedBy},
 * {@code version} and the timestamps are owned by the server: clients may send them back but they are never
 * taken from a request body.
 */
public final class PostFields {

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String AUTHOR = "author";
  public static final String VERSION = "version";
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  /** The author's user id: only that user may delete the post (absent on posts older than the field). */
  public static final String AUTHOR_ID = "authorId";
  /** The display name of whoever wrote the post last (absent on older posts not edited since). */
  public static final String UPDATED_BY = "updatedBy";

  /** Longest title accepted, in UTF-16 characters after trimming. */
  public static final int TITLE_MAX_LENGTH = 200;
  /** Longest body accepted, in UTF-16 characters. */
  public static final int BODY_MAX_LENGTH = 20_000;

  private PostFields() {}
}
