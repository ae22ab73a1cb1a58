package io.vertebra.posts.server.store;

import java.time.Instant;

/**
 * One stored post. {@code version} starts at 1 and grows by one with every write. {@code authorId} is the user id
 * that created it (null for posts written before it was recorded); {@code updatedBy} the display name of whoever
 * wrote it last (the author for a new post; null for older posts never edited since).
 */
public record Post(long id, String title, String body, String author, long version, Instant createdAt,
    Instant updatedAt, String authorId, String updatedBy) {

  /** Whether {@code userId} may delete this post: its author (or anyone, for a post whose author is unknown). */
  public boolean deletableBy(String userId) {
    return authorId == null || authorId.equals(userId);
  }
}
