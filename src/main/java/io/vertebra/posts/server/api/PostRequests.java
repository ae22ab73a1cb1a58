package io.vertebra.posts.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.kit.web.ApiException;
import io.vertebra.posts.server.store.PostChanges;
import io.vertebra.posts.shared.PostFields;

/**
 * Validates post request bodies into {@link PostChanges}. Server-owned fields ({@code author}, timestamps) are
 * ignored, so a client may send a whole post back; unknown fields are ignored too. Every error names its field.
 */
final class PostRequests {

  private PostRequests() {}

  /** POST and PUT: a title is required, the body defaults to empty. */
  static PostChanges replacement(ObjectNode json) {
    String title = title(json);
    if (title == null) {
      throw ApiException.invalid(PostFields.TITLE, "title is required");
    }
    String body = body(json);
    return new PostChanges(title, body == null ? "" : body);
  }

  /** PATCH: any of title and body, at least one. */
  static PostChanges patch(ObjectNode json) {
    PostChanges changes = new PostChanges(title(json), body(json));
    if (changes.isEmpty()) {
      throw ApiException.invalid(PostFields.TITLE, "a PATCH must change title or body");
    }
    return changes;
  }

  /** The body's {@code version} (what the client last saw), or null when it has none. */
  static Long version(ObjectNode json) {
    JsonNode node = json.get(PostFields.VERSION);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
      throw ApiException.invalid(PostFields.VERSION, "version must be a whole number of at least 1");
    }
    return node.asLong();
  }

  /** Rejects a body {@code id} that names another post than the URL. */
  static void requireSameId(ObjectNode json, long id) {
    JsonNode node = json.get(PostFields.ID);
    if (node != null && !node.isNull() && !(node.isIntegralNumber() && node.asLong() == id)) {
      throw ApiException.invalid(PostFields.ID, "id in the body (" + node + ") does not match the URL (" + id + ")");
    }
  }

  private static String title(ObjectNode json) {
    String title = text(json, PostFields.TITLE, PostFields.TITLE_MAX_LENGTH);
    if (title == null) {
      return null;
    }
    title = title.strip();
    if (title.isEmpty()) {
      throw ApiException.invalid(PostFields.TITLE, "title must not be blank");
    }
    return title;
  }

  private static String body(ObjectNode json) {
    return text(json, PostFields.BODY, PostFields.BODY_MAX_LENGTH);
  }

  /** A string field, or null when absent or JSON null. */
  private static String text(ObjectNode json, String field, int maxLength) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.invalid(field, field + " must be a string, not " + node.getNodeType().toString()
          .toLowerCase(java.util.Locale.ROOT));
    }
    String value = node.textValue();
    if (value.strip().length() > maxLength) {
      throw ApiException.invalid(field, field + " is longer than " + maxLength + " characters");
    }
    return value;
  }
}
