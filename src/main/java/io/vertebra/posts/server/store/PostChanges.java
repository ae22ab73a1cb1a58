package io.vertebra.posts.server.store;

/**
 * What a write sets: a {@code null} field is left as it is (PATCH); a full replacement (POST, PUT) sets both.
 * Values are already validated.
 */
public record PostChanges(String title, String body) {

  /** Whether nothing would change. */
  public boolean isEmpty() {
    return title == null && body == null;
  }
}
