package io.vertebra.posts.client.model;

import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.core.Values;
import io.vertebra.posts.shared.PostApi;
import io.vertebra.posts.shared.PostFields;
import java.util.Map;

/**
 * One post, {@code {id, title, body, author, version, createdAt, updatedAt, authorId, updatedBy}}, with typed
 * accessors.
 */
public class Post extends Model {

  /** A new, unsaved post. */
  public Post() {
    this(null, null);
  }

  /** A post with these attributes (as the API or a realtime event gives them). */
  public Post(Map<String, ?> attributes, Options options) {
    super(attributes, options);
  }

  @Override
  public String urlRoot() {
    return PostApi.POSTS_PATH;
  }

  public String getTitle() {
    return text(PostFields.TITLE);
  }

  public void setTitle(String title) {
    set(PostFields.TITLE, title);
  }

  public void setBody(String body) {
    set(PostFields.BODY, body);
  }

  public String getBody() {
    return text(PostFields.BODY);
  }

  public String getAuthor() {
    return text(PostFields.AUTHOR);
  }

  /** The author's user id, or "" for a post older than the field. */
  public String getAuthorId() {
    return text(PostFields.AUTHOR_ID);
  }

  /** Who wrote the post last, or "" when unknown. */
  public String getUpdatedBy() {
    return text(PostFields.UPDATED_BY);
  }

  /** What the meta line says after the time: {@code " · edited by Bob"} when someone else wrote last, else "". */
  public String editedByNote() {
    String by = getUpdatedBy();
    return by.isEmpty() || (by.equals(getAuthor()) && getVersion() <= 1) ? "" : " · edited by " + by;
  }

  /** Whether the user {@code userId} may delete this post (the server refuses anyone but the author). */
  public boolean deletableBy(String userId) {
    String author = getAuthorId();
    return author.isEmpty() || author.equals(userId);
  }

  /** The server's version of this post (0 while unsaved). A double, as JSON numbers are in the browser. */
  public double getVersion() {
    Double version = getDouble(PostFields.VERSION);
    return version == null ? 0 : version;
  }

  /** ISO-8601 UTC time of the last write, or "" while unsaved. */
  public String getUpdatedAt() {
    return text(PostFields.UPDATED_AT);
  }

  /** ISO-8601 UTC creation time, or "" while unsaved. */
  public String getCreatedAt() {
    return text(PostFields.CREATED_AT);
  }

  /**
   * The id as it appears in URLs and channel names ({@code "7"}), or "" while unsaved. The client keeps ids as
   * JSON gives them (doubles, exact up to 2^53) and never as {@code long}: GWT emulates 64-bit integers with ~6 KB
   * of script.
   */
  public String getPostId() {
    return Values.asText(get(PostFields.ID));
  }

  /**
   * The attributes to send when saving {@code title} and {@code body} on top of {@code baseVersion}: the server
   * answers 409 when the post moved past that version meanwhile, so nobody's text is overwritten silently.
   */
  public static Map<String, Object> edit(String title, String body, double baseVersion) {
    Map<String, Object> attrs = new StringMap<>();
    attrs.put(PostFields.TITLE, title);
    attrs.put(PostFields.BODY, body);
    if (baseVersion > 0) {
      attrs.put(PostFields.VERSION, baseVersion);
    }
    return attrs;
  }

  @Override
  protected Object validate(Map<String, Object> attrs, Options options) {
    return problem(attrs);
  }

  /** What is wrong with these post attributes, or null: mirrors the server's rules, before a round trip. */
  public static String problem(Map<String, ?> attrs) {
    Object title = attrs.get(PostFields.TITLE);
    if (!(title instanceof String) || ((String) title).trim().isEmpty()) {
      return "Give the post a title.";
    }
    if (((String) title).trim().length() > PostFields.TITLE_MAX_LENGTH) {
      return "The title is longer than " + PostFields.TITLE_MAX_LENGTH + " characters.";
    }
    Object body = attrs.get(PostFields.BODY);
    if (body instanceof String && ((String) body).length() > PostFields.BODY_MAX_LENGTH) {
      return "The text is longer than " + PostFields.BODY_MAX_LENGTH + " characters.";
    }
    return null;
  }

  @Override
  public Post clone() {
    return new Post(new StringMap<>(getAttributes()), null);
  }

  private String text(String attr) {
    String value = getString(attr);
    return value == null ? "" : value;
  }
}
