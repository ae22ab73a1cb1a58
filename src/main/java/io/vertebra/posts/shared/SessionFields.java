package io.vertebra.posts.shared;

/**
 * The JSON contract of the signed-in user ({@code /api/session}): {@code POST {"name": "..."}} signs in and answers
 * {@code {id, name, color}}; {@code GET} answers the same, or {@code 401} when nobody is signed in; {@code DELETE}
 * signs out ({@code 204}). The same {@code name} and {@code color} are the presence {@code user_info}.
 */
public final class SessionFields {

  public static final String ID = "id";
  public static final String NAME = "name";
  /** A CSS colour ({@code #rrggbb}) chosen by the server for this user. */
  public static final String COLOR = "color";

  /** Longest display name accepted, in UTF-16 characters after trimming. */
  public static final int NAME_MAX_LENGTH = 40;

  private SessionFields() {}
}
